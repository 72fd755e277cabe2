package io.camlistore.camel.springboot.generator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates a starter's {@code <Name>ComponentConfiguration} class and its Spring configuration
 * metadata from the component's {@code <scheme>.json}, read from the classpath (the component's
 * jar). The class goes to the package of the component plus {@code .springboot}.
 *
 * <p>Run by the starter's build: {@code StarterGenerator <json resource> <java dir> <resource
 * dir>}, such as {@code META-INF/io/camlistore/camel/camlistore.json
 * target/generated-sources/starter target/generated-resources/starter}.
 */
public final class StarterGenerator {
  private StarterGenerator() {}

  /**
   * Generates the starter's configuration.
   *
   * @param args the json's classpath resource, the source directory and the resource directory to
   *     write to
   * @throws IOException if the metadata cannot be read or the files cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: StarterGenerator <component json resource> <java output dir> <resource output"
              + " dir>");
    }
    ComponentMetadata component;
    try (InputStream json =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(args[0])) {
      if (json == null) {
        throw new IOException(
            args[0] + " is not on the classpath: does the starter depend on the component?");
      }
      component = ComponentMetadata.read(json);
    }
    generate(component, Path.of(args[1]), Path.of(args[2]));
  }

  /**
   * Writes the class and the metadata.
   *
   * @param component the component's metadata
   * @param javaDirectory the root of the generated sources
   * @param resourceDirectory the root of the generated resources
   * @return the files written: the class, then the metadata
   * @throws IOException if a file cannot be written
   */
  public static List<Path> generate(
      ComponentMetadata component, Path javaDirectory, Path resourceDirectory) throws IOException {
    String componentClass = component.componentClass();
    int dot = componentClass.lastIndexOf('.');
    String packageName = componentClass.substring(0, dot) + ".springboot";
    String className = componentClass.substring(dot + 1) + "Configuration";
    List<StarterProperty> properties =
        component.options().stream().map(StarterProperty::of).toList();

    Path source = javaDirectory.resolve(packageName.replace('.', '/')).resolve(className + ".java");
    write(
        source,
        new ConfigurationClassWriter(packageName, className, component, properties).source());
    Path metadata =
        resourceDirectory.resolve("META-INF/additional-spring-configuration-metadata.json");
    write(
        metadata,
        new SpringMetadataWriter(
                "camel.component." + component.scheme(), packageName + "." + className, properties)
            .json());
    return List.of(source, metadata);
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
