/**
 * A Spring Boot application using the camlistore component: routes that store and fetch blobs,
 * configured only by {@code camel.component.camlistore.*} properties (through the starter), with an
 * embedded server when none is configured.
 */
@NullMarked
package io.camlistore.examples.springboot;

import org.jspecify.annotations.NullMarked;
