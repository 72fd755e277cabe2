/**
 * Spring Boot auto-configuration for the Camel Camlistore component: with this module on the
 * classpath, {@code camel.component.camlistore.*} properties configure the {@code camlistore}
 * component, as Camel's own starters do for theirs.
 *
 * <pre>{@code
 * camel.component.camlistore.server-url=http://localhost:3179/
 * camel.component.camlistore.username=alice
 * camel.component.camlistore.password=secret
 * }</pre>
 */
@NullMarked
package io.camlistore.camel.springboot;

import org.jspecify.annotations.NullMarked;
