/**
 * The one upload pipeline every store operation goes through (blobs, files, directories, batches of
 * files, permanodes): one stat per window of blobs, multipart requests within the server's limits,
 * schemas after their parts, bounded memory, and per-file outcomes. Not API.
 */
@NullMarked
package io.camlistore.client.internal.upload;

import org.jspecify.annotations.NullMarked;
