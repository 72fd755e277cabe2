/** The embedded server's sign helper ({@code /sighelper/}). Not API. */
@NullMarked
package io.camlistore.testkit.internal.sign;

import org.jspecify.annotations.NullMarked;
