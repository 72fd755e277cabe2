/**
 * An embedded server that speaks the Perkeep 0.11 protocol (blobs, search, sign helper), for tests
 * and examples.
 *
 * <p>Start one with {@link io.camlistore.testkit.EmbeddedCamlistoreServer#builder()}, or let the
 * JUnit 5 extension {@link io.camlistore.testkit.EmbeddedCamlistoreServerExtension} (or the {@link
 * io.camlistore.testkit.CamlistoreServer} annotation) start one per test class. {@link
 * io.camlistore.testkit.FaultInjector} makes it misbehave on purpose; {@link
 * io.camlistore.testkit.RecordedRequest} tells what it received; {@link
 * io.camlistore.testkit.TestIdentity} is a throw-away signing identity for tests.
 */
@NullMarked
package io.camlistore.testkit;

import org.jspecify.annotations.NullMarked;
