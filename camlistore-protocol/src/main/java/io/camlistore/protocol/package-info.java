/**
 * The facts of the Camlistore/Perkeep protocol that a client and a server share: {@link
 * io.camlistore.protocol.BlobRef blob refs} and their {@link io.camlistore.protocol.HashAlgorithm
 * hashes}, and {@link io.camlistore.protocol.Rfc3339 RFC 3339 times} as Go writes and reads them.
 * Public API: documented and kept stable.
 */
@NullMarked
package io.camlistore.protocol;

import org.jspecify.annotations.NullMarked;
