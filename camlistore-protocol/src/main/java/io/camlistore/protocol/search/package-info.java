/**
 * The names of Perkeep's search API: {@link io.camlistore.protocol.search.SearchSort result
 * orders}. Public API: documented and kept stable.
 */
@NullMarked
package io.camlistore.protocol.search;

import org.jspecify.annotations.NullMarked;
