/**
 * Implementation details of the client: HTTP plumbing, JSON, batching, retries. Not API: these
 * types may change in any release.
 */
@NullMarked
package io.camlistore.client.internal;

import org.jspecify.annotations.NullMarked;
