/**
 * OpenPGP pieces behind local JSON signing: the byte-exact signature packet Perkeep writes, the
 * one-line armor of {@code camliSig}, keyring loading, public key blobs and the split of a signed
 * blob into payload and signature. Not API: these types may change in any release.
 */
@NullMarked
package io.camlistore.protocol.internal.sign;

import org.jspecify.annotations.NullMarked;
