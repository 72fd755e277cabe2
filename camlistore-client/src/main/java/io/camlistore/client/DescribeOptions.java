package io.camlistore.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camlistore.client.internal.Json;
import io.camlistore.protocol.BlobRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How deep and as of when the server describes blobs: for {@link SearchClient#describeBlob(BlobRef,
 * DescribeOptions)} and for a query's inline describe ({@link
 * SearchQuery.Builder#describe(DescribeOptions)}). Unset options take the server's defaults (depth
 * 1, 50 directory children, now). Immutable.
 *
 * <pre>{@code
 * DescribeOptions options = DescribeOptions.builder()
 *     .depth(2)
 *     .rule(DescribeOptions.Rule.followAttributes("camliContent"))
 *     .build();
 * }</pre>
 */
public final class DescribeOptions {
  private static final DescribeOptions DEFAULTS = builder().build();

  private final @Nullable Integer depth;
  private final @Nullable Integer maxDirChildren;
  private final @Nullable Instant at;
  private final List<Rule> rules;

  private DescribeOptions(Builder builder) {
    this.depth = builder.depth;
    this.maxDirChildren = builder.maxDirChildren;
    this.at = builder.at;
    this.rules = List.copyOf(builder.rules);
  }

  /** {@return options that leave everything to the server's defaults} */
  public static DescribeOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.depth = depth;
    builder.maxDirChildren = maxDirChildren;
    builder.at = at;
    builder.rules.addAll(rules);
    return builder;
  }

  /** {@return how many levels of related blobs are described, or null for the server's default} */
  public @Nullable Integer depth() {
    return depth;
  }

  /** {@return the most directory entries described, or null for the server's default} */
  public @Nullable Integer maxDirChildren() {
    return maxDirChildren;
  }

  /** {@return the time permanodes are viewed at, or null for now} */
  public @Nullable Instant at() {
    return at;
  }

  /** {@return the rules naming permanode attributes whose values are described too} */
  public List<Rule> rules() {
    return rules;
  }

  /** Returns the server's JSON for these options (without blobrefs). */
  ObjectNode toJson() {
    ObjectNode json = Json.object();
    if (depth != null) {
      json.put("depth", depth);
    }
    if (maxDirChildren != null) {
      json.put("maxDirChildren", maxDirChildren);
    }
    if (at != null) {
      json.put("at", at.toString());
    }
    if (!rules.isEmpty()) {
      json.set("rules", Rule.toJson(rules));
    }
    return json;
  }

  /** {@return the options as the server's JSON} */
  @Override
  public String toString() {
    return toJson().toString();
  }

  /** Builds {@link DescribeOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Integer depth;
    private @Nullable Integer maxDirChildren;
    private @Nullable Instant at;
    private final List<Rule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Sets how many levels of related blobs (a permanode's content, a directory's entries…) are
     * described.
     *
     * @param depth at least 1; the server's default is 1
     * @return this builder
     * @throws IllegalArgumentException if the depth is below 1
     */
    public Builder depth(int depth) {
      if (depth < 1) {
        throw new IllegalArgumentException("depth must be at least 1: " + depth);
      }
      this.depth = depth;
      return this;
    }

    /**
     * Sets the most directory entries described per directory.
     *
     * @param maxDirChildren 1 to 1000 (the server uses 50 for anything else); default 50
     * @return this builder
     * @throws IllegalArgumentException if the value is out of range
     */
    public Builder maxDirChildren(int maxDirChildren) {
      if (maxDirChildren < 1 || maxDirChildren > 1000) {
        throw new IllegalArgumentException(
            "maxDirChildren must be between 1 and 1000: " + maxDirChildren);
      }
      this.maxDirChildren = maxDirChildren;
      return this;
    }

    /**
     * Describes permanodes as they were at a past time (claims made later are ignored).
     *
     * @param at the time, or null for now
     * @return this builder
     */
    public Builder at(@Nullable Instant at) {
      this.at = at;
      return this;
    }

    /**
     * Adds a rule naming attributes whose values are described too.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** {@return the options} */
    public DescribeOptions build() {
      return new DescribeOptions(this);
    }
  }

  /**
   * A describe rule: when a described permanode matches its conditions, the blobs named by the
   * listed attributes are described too (and the nested rules apply to them). Immutable.
   */
  public static final class Rule {
    private final List<String> attributes;
    private final boolean ifResultRoot;
    private final @Nullable String ifCamliNodeType;
    private final List<Rule> rules;

    private Rule(
        List<String> attributes,
        boolean ifResultRoot,
        @Nullable String ifCamliNodeType,
        List<Rule> rules) {
      this.attributes = List.copyOf(attributes);
      this.ifResultRoot = ifResultRoot;
      this.ifCamliNodeType = ifCamliNodeType;
      this.rules = List.copyOf(rules);
    }

    /**
     * {@return a rule that describes the blobs named by these attributes}
     *
     * @param attributes attribute names; a trailing {@code *} matches by prefix ({@code
     *     camliPath:*})
     * @throws IllegalArgumentException if no attribute is given or one is empty
     */
    public static Rule followAttributes(String... attributes) {
      if (attributes.length == 0) {
        throw new IllegalArgumentException("rules[].attrs must name at least one attribute");
      }
      for (String attribute : attributes) {
        if (Objects.requireNonNull(attribute, "rules[].attrs").isEmpty()) {
          throw new IllegalArgumentException("rules[].attrs must not contain an empty name");
        }
      }
      return new Rule(Arrays.asList(attributes), false, null, List.of());
    }

    /** {@return the same rule, applied only to the blobs the request named (the roots)} */
    public Rule ifResultRoot() {
      return new Rule(attributes, true, ifCamliNodeType, rules);
    }

    /**
     * {@return the same rule, applied only to permanodes with this {@code camliNodeType}}
     *
     * @param nodeType e.g. {@code foursquare.com:checkin}
     * @throws IllegalArgumentException if the type is empty
     */
    public Rule ifCamliNodeType(String nodeType) {
      if (Objects.requireNonNull(nodeType, "rules[].ifCamliNodeType").isEmpty()) {
        throw new IllegalArgumentException("rules[].ifCamliNodeType must not be empty");
      }
      return new Rule(attributes, ifResultRoot, nodeType, rules);
    }

    /**
     * {@return the same rule with rules applied to the blobs it describes}
     *
     * @param nested the nested rules
     */
    public Rule withRules(Rule... nested) {
      return new Rule(attributes, ifResultRoot, ifCamliNodeType, Arrays.asList(nested));
    }

    /** {@return the attributes this rule follows} */
    public List<String> attributes() {
      return attributes;
    }

    static ArrayNode toJson(List<Rule> rules) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      for (Rule rule : rules) {
        ObjectNode json = array.addObject();
        if (rule.ifResultRoot) {
          json.put("ifResultRoot", true);
        }
        if (rule.ifCamliNodeType != null) {
          json.put("ifCamliNodeType", rule.ifCamliNodeType);
        }
        ArrayNode attrs = json.putArray("attrs");
        rule.attributes.forEach(attrs::add);
        if (!rule.rules.isEmpty()) {
          json.set("rules", toJson(rule.rules));
        }
      }
      return array;
    }

    /** {@return the rule as the server's JSON} */
    @Override
    public String toString() {
      return toJson(List.of(this)).get(0).toString();
    }
  }
}
