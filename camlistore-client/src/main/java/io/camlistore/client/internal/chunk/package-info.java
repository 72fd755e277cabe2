/**
 * Splitting file content into chunk blobs and a tree of {@code bytes} schema blobs, exactly as
 * Perkeep's {@code pk-put file} does, so that the same content gives the same blobs. Not API.
 */
@NullMarked
package io.camlistore.client.internal.chunk;

import org.jspecify.annotations.NullMarked;
