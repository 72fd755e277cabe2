/**
 * Signed JSON as Perkeep writes and checks it: {@link io.camlistore.protocol.sign.JsonSigner} signs
 * with a key from an OpenPGP keyring, {@link io.camlistore.protocol.sign.SignedBlobVerifier} checks
 * a signed blob against a public key blob, and {@link io.camlistore.protocol.sign.SignedJson}
 * splits a signed blob into payload and signature. Public API: documented and kept stable.
 */
@NullMarked
package io.camlistore.protocol.sign;

import org.jspecify.annotations.NullMarked;
