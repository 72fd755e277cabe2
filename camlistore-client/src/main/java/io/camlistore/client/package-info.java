/**
 * Client for Camlistore/Perkeep servers.
 *
 * <p>Start with {@link io.camlistore.client.Camlistore#connect(String)}, which discovers the
 * server's handlers and returns a thread-safe {@link io.camlistore.client.Connection}. Every
 * failure is an unchecked {@link io.camlistore.client.CamlistoreException}.
 */
@NullMarked
package io.camlistore.client;

import org.jspecify.annotations.NullMarked;
