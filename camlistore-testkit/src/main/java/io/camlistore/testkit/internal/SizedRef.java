package io.camlistore.testkit.internal;

/**
 * A blobref and the blob's size, as listed by stat, upload and enumerate.
 *
 * @param ref the blobref text
 * @param size the blob's size in bytes
 */
public record SizedRef(String ref, long size) {}
