/**
 * Schema blobs written exactly as Perkeep writes them: the canonical JSON form ({@link
 * io.camlistore.protocol.schema.CanonicalJson}) and permanode and claim objects ({@link
 * io.camlistore.protocol.schema.PermanodeSchemas}). Byte-identical output is what lets blobs made
 * here deduplicate with blobs made by Perkeep's own tools. Public API: documented and kept stable.
 */
@NullMarked
package io.camlistore.protocol.schema;

import org.jspecify.annotations.NullMarked;
