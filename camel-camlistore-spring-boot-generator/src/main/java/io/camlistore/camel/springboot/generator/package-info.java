/**
 * Writes a Camel component's Spring Boot starter configuration from the component's generated
 * metadata ({@code <scheme>.json}, from camel-component-maven-plugin): the {@code
 * camel.component.<scheme>.*} properties class and its Spring configuration metadata. Camel's own
 * starter generator only serves components of Camel's groupId; this one serves ours, with the shape
 * of Camel's starters. Run by the starter's build ({@link
 * io.camlistore.camel.springboot.generator.StarterGenerator}).
 */
@NullMarked
package io.camlistore.camel.springboot.generator;

import org.jspecify.annotations.NullMarked;
