package io.camlistore.camel.springboot.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the Java source of a starter's configuration properties class: one field, getter and
 * setter per property, each documented with the option's description, in the shape of Camel's own
 * starters ({@code ComponentConfigurationPropertiesCommon}, bound under {@code
 * camel.component.<scheme>}).
 */
public final class ConfigurationClassWriter {
  private static final int WIDTH = 100;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String packageName;
  private final String className;
  private final ComponentMetadata component;
  private final List<StarterProperty> properties;

  /**
   * Creates a writer.
   *
   * @param packageName the class's package
   * @param className the class's simple name
   * @param component the component the properties configure
   * @param properties the properties, in order
   */
  public ConfigurationClassWriter(
      String packageName,
      String className,
      ComponentMetadata component,
      List<StarterProperty> properties) {
    this.packageName = packageName;
    this.className = className;
    this.component = component;
    this.properties = List.copyOf(properties);
  }

  /** {@return the class's source} */
  public String source() {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(packageName).append(";\n\n");
    out.append("import java.time.Duration;\n");
    out.append("import javax.annotation.processing.Generated;\n");
    out.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n");
    out.append("import org.jspecify.annotations.Nullable;\n");
    out.append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n");
    javadoc(
        out,
        "",
        List.of(
            "The {@code "
                + prefix()
                + ".*} properties of the "
                + escape(component.title())
                + " component, one per option of the component, in Spring's relaxed form (such as"
                + " {@code server-url}). Only the properties that are set are applied: the others"
                + " leave the component's defaults.",
            "<p>Generated from the component's " + component.scheme() + ".json: do not edit."));
    out.append("@Generated(\"").append(StarterGenerator.class.getName()).append("\")\n");
    out.append("@ConfigurationProperties(prefix = ").append(className).append(".PREFIX)\n");
    out.append("public class ")
        .append(className)
        .append(" extends ComponentConfigurationPropertiesCommon {\n");
    out.append("  /** The prefix of the properties. */\n");
    out.append("  public static final String PREFIX = \"").append(prefix()).append("\";\n");
    for (StarterProperty property : properties) {
      out.append('\n');
      javadoc(out, "  ", List.of(escape(property.description())));
      out.append("  private @Nullable ")
          .append(property.simpleType())
          .append(' ')
          .append(property.name())
          .append(";\n");
    }
    out.append("\n  /** Creates the properties, all unset. */\n");
    out.append("  public ").append(className).append("() {}\n");
    for (StarterProperty property : properties) {
      accessors(out, property);
    }
    out.append("}\n");
    return out.toString();
  }

  private String prefix() {
    return "camel.component." + component.scheme();
  }

  private static void accessors(StringBuilder out, StarterProperty property) {
    String name = property.name();
    String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    String type = property.simpleType();
    out.append('\n');
    out.append("  /** {@return the ")
        .append(name)
        .append(" option, or null to leave the component's default} */\n");
    out.append("  public @Nullable ")
        .append(type)
        .append(" get")
        .append(suffix)
        .append("() {\n    return ")
        .append(name)
        .append(";\n  }\n\n");
    out.append("  /**\n   * Sets the ").append(name).append(" option.\n   *\n");
    out.append("   * @param ").append(name).append(" the value; see the property's description\n");
    out.append("   */\n");
    out.append("  public void set")
        .append(suffix)
        .append("(@Nullable ")
        .append(type)
        .append(' ')
        .append(name)
        .append(") {\n    this.")
        .append(name)
        .append(" = ")
        .append(name)
        .append(";\n  }\n");
  }

  /** Writes a Javadoc comment of paragraphs, each wrapped to the line width. */
  private static void javadoc(StringBuilder out, String indent, List<String> paragraphs) {
    out.append(indent).append("/**\n");
    for (int i = 0; i < paragraphs.size(); i++) {
      if (i > 0) {
        out.append(indent).append(" *\n");
      }
      for (String line : wrap(paragraphs.get(i), WIDTH - indent.length() - 3)) {
        out.append(indent).append(" * ").append(line).append('\n');
      }
    }
    out.append(indent).append(" */\n");
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : WHITESPACE.splitAsStream(text.trim()).toList()) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /**
   * {@return the text, safe in a Javadoc comment: HTML's special characters, {@code @} (a tag) and
   * the backslash (a Unicode escape, which the compiler reads even in comments) as entities}
   *
   * @param text a description
   */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("@", "&#64;")
        .replace("\\", "&#92;")
        .replace("*/", "*&#47;");
  }
}
