package io.camlistore.testkit.internal.index;

import java.time.Instant;

/**
 * A deletion claim the index accepted.
 *
 * @param deleter the delete claim's ref
 * @param target the deleted permanode or claim
 * @param date the delete claim's date
 */
record Deletion(String deleter, String target, Instant date) {}
