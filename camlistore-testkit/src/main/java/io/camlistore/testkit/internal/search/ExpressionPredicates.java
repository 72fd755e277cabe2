package io.camlistore.testkit.internal.search;

import io.camlistore.protocol.Rfc3339;
import io.camlistore.testkit.internal.GoText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Perkeep 0.11's search predicates ({@code tag:}, {@code attr:}, {@code is:image}, {@code
 * filename:}, …): what constraint each atom of an expression stands for, as in Perkeep's {@code
 * predicate.go}, with its messages for a wrong number or form of arguments.
 */
final class ExpressionPredicates {
  private static final String TIME_BASE = "0000-01-01T00:00:00Z";
  private static final Pattern WH_RANGE = Pattern.compile("^(\\d{0,10})-(\\d{0,10})$");
  private static final Pattern WH_VALUE = Pattern.compile("^(\\d{1,10})$");

  private ExpressionPredicates() {}

  /**
   * Returns the constraint of one atom.
   *
   * @param predicate the predicate, e.g. {@code tag}
   * @param args its arguments, unquoted
   * @param atom the whole atom, e.g. {@code tag:alpha}
   * @return the constraint
   * @throws IllegalArgumentException with Perkeep's message for an unknown predicate or bad
   *     arguments
   */
  static Query.Constraint constraint(String predicate, List<String> args, String atom) {
    switch (atom) {
      case "is:image" -> {
        return Constraints.withAttrInSet("camliContent", Constraints.file(Constraints.image()));
      }
      case "is:landscape", "is:pano", "is:portrait" -> {
        return Constraints.unsupported("file.widthHeightRation");
      }
      case "is:post" -> {
        return Constraints.withAttrValue("camliNodeType", "twitter.com:tweet");
      }
      case "is:like" -> {
        return Constraints.withAttrValue("camliNodeType", "twitter.com:like");
      }
      case "is:checkin" -> {
        return Constraints.withAttrValue("camliNodeType", "foursquare.com:checkin");
      }
      case "has:location" -> {
        return Constraints.unsupported("permanode.location");
      }
      default -> {
        // A keyword with arguments.
      }
    }
    switch (predicate) {
      case "after", "before" -> {
        Instant time = timePrefix(one(predicate, args));
        return Constraints.of(
            Constraints.withTime(
                predicate.equals("after")
                    ? new Query.TimeRange(null, time, 0)
                    : new Query.TimeRange(time, null, 0)));
      }
      case "attr" -> {
        count(predicate, args, 2);
        if (args.get(1).startsWith("~")) {
          return Constraints.withAttrMatching(
              args.get(0), Constraints.contains(args.get(1).substring(1), true, false), true);
        }
        return Constraints.withAttr(args.get(0), args.get(1));
      }
      case "childrenof", "parentof" -> {
        one(predicate, args);
        return Constraints.unsupported("permanode.relation");
      }
      case "format" -> {
        return Constraints.ofFile(Constraints.fileOfType(mimeFromFormat(one(predicate, args))));
      }
      case "tag" -> {
        return Constraints.withAttr("tag", one(predicate, args));
      }
      case "title" -> {
        return Constraints.withAttrMatching(
            "title", Constraints.contains(one(predicate, args), true, false), true);
      }
      case "ref" -> {
        return Constraints.blobRefPrefix(one(predicate, args));
      }
      case "width", "height" -> {
        widthHeight(one(predicate, args));
        return Constraints.unsupported("file." + predicate);
      }
      case "filename" -> {
        return Constraints.ofFile(Constraints.fileNamed(fileNameMatch(one(predicate, args))));
      }
      case "loc", "locrect" -> {
        one(predicate, args);
        return Constraints.unsupported("permanode.location");
      }
      case "with" -> {
        return with(one(predicate, args));
      }
      case "named" -> {
        one(predicate, args);
        return Constraints.unsupported("named searches");
      }
      default ->
          throw new IllegalArgumentException("Unknown search predicate: " + GoText.quote(atom));
    }
  }

  private static String one(String predicate, List<String> args) {
    count(predicate, args, 1);
    return args.get(0);
  }

  private static void count(String predicate, List<String> args, int expected) {
    if (args.size() != expected) {
      throw new IllegalArgumentException(
          "Wrong number of arguments for "
              + GoText.quote(predicate)
              + ", given "
              + args.size()
              + ", expected "
              + expected);
    }
  }

  private static Instant timePrefix(String when) {
    String full = when;
    int length = when.getBytes(StandardCharsets.UTF_8).length;
    if (length < TIME_BASE.length()) {
      full = when + TIME_BASE.substring(length);
    }
    Instant time = Rfc3339.parse(full);
    if (time == null) {
      throw new IllegalArgumentException(
          "parsing time "
              + GoText.quote(full)
              + " as \"2006-01-02T15:04:05Z07:00\": cannot parse "
              + GoText.quote(full)
              + " as \"2006\"");
    }
    return time;
  }

  private static String mimeFromFormat(String format) {
    if (format.contains("/")) {
      return format;
    }
    return switch (format) {
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "png" -> "image/png";
      case "pdf" -> "application/pdf";
      default -> throw new IllegalArgumentException("Unknown format: " + format);
    };
  }

  private static void widthHeight(String range) {
    Matcher m = WH_RANGE.matcher(range);
    if (!m.matches() && !WH_VALUE.matcher(range).matches()) {
      throw new IllegalArgumentException(
          "Unable to parse "
              + GoText.quote(range)
              + " as range, wanted something like 480-1024, 480-, -1024 or 1024");
    }
  }

  private static Query.StringMatch fileNameMatch(String glob) {
    String inner = glob.length() >= 2 ? glob.substring(1, glob.length() - 1) : "";
    if (!glob.contains("*")) {
      return Constraints.equalTo(glob);
    } else if (glob.startsWith("*") && !glob.substring(1).contains("*")) {
      return Constraints.suffix(glob.substring(1));
    } else if (glob.endsWith("*") && !glob.substring(0, glob.length() - 1).contains("*")) {
      return Constraints.prefix(glob.substring(0, glob.length() - 1));
    } else if (glob.length() >= 2
        && glob.startsWith("*")
        && glob.endsWith("*")
        && !inner.contains("*")) {
      return Constraints.contains(inner, false, false);
    }
    throw new IllegalArgumentException("unsupported glob wildcard in filename search predicate");
  }

  private static Query.Constraint with(String name) {
    Query.Constraint person = Constraints.withAttrValue("camliNodeType", "foursquare.com:person");
    Query.StringMatch part = Constraints.contains(name, true, false);
    Query.Constraint names =
        Constraints.logical(
            "or",
            Constraints.withAttrMatching("givenName", part, false),
            Constraints.withAttrMatching("familyName", part, false));
    return Constraints.withAttrInSet("with", Constraints.logical("and", person, names));
  }
}
