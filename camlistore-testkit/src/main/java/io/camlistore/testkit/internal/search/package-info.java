/**
 * The embedded server's search handler ({@code /my-search/}): describe, claims, query and the other
 * lookups of Perkeep 0.11, with its JSON shapes and error answers. Not API.
 */
@NullMarked
package io.camlistore.testkit.internal.search;

import org.jspecify.annotations.NullMarked;
