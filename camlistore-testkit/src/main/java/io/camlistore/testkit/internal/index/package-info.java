/**
 * The embedded server's search index: what it knows about the stored schema blobs (permanodes and
 * their owner-signed claims, files, directories), rebuilt from the blob store. Not API.
 */
@NullMarked
package io.camlistore.testkit.internal.index;

import org.jspecify.annotations.NullMarked;
