/**
 * Runnable examples for the Camel Camlistore component.
 *
 * <ul>
 *   <li>{@link io.camlistore.examples.IngestExample} stores (or watches) a folder in batches, each
 *       file as a Perkeep file with a permanode derived from its content, with the route written in
 *       YAML ({@code routes/ingest.camel.yaml}) or Java ({@link
 *       io.camlistore.examples.IngestRoute});
 *   <li>{@link io.camlistore.examples.ExportExample} walks every blob of a server and writes each
 *       one to a folder ({@link io.camlistore.examples.ExportRoute}).
 * </ul>
 *
 * <p>They talk to the server given by {@code camlistore.url} (and {@code camlistore.auth}), or
 * start an embedded one when none is given ({@link io.camlistore.examples.ExampleServer}).
 */
@NullMarked
package io.camlistore.examples;

import org.jspecify.annotations.NullMarked;
