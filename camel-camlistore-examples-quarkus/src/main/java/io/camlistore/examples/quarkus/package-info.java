/**
 * A Camel Quarkus application using the camlistore component: routes that store and fetch blobs,
 * configured by {@code camel.component.camlistore.*} properties, with an embedded server when none
 * is configured.
 */
@NullMarked
package io.camlistore.examples.quarkus;

import org.jspecify.annotations.NullMarked;
