/** Benchmarks of the client against the embedded server or a real Perkeep server. */
@NullMarked
package io.camlistore.bench;

import org.jspecify.annotations.NullMarked;
