/**
 * Apache Camel component {@code camlistore}: stores, fetches, lists and removes Camlistore/Perkeep
 * blobs from routes, on top of the {@code io.camlistore.client} API.
 */
@NullMarked
package io.camlistore.camel;

import org.jspecify.annotations.NullMarked;
