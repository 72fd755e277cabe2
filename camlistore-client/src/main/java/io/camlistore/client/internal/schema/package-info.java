/**
 * Schema blobs written exactly as Perkeep writes them: the canonical JSON form, RFC 3339 times, and
 * the file, bytes, directory and static-set maps. Byte-identical output is what lets blobs made
 * here deduplicate with blobs made by Perkeep's own tools. Not API.
 */
@NullMarked
package io.camlistore.client.internal.schema;

import org.jspecify.annotations.NullMarked;
