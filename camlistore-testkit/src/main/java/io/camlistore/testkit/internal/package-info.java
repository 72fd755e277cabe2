/**
 * Implementation of the embedded server: HTTP handlers, protocol parsing, storage. Not API: these
 * types may change in any release.
 */
@NullMarked
package io.camlistore.testkit.internal;

import org.jspecify.annotations.NullMarked;
