package io.camlistore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.schema.PermanodeSchemas;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search handler's parameters and errors over raw HTTP, where the captured exchanges do not
 * reach: Go's JSON error texts, Perkeep's validation messages, its expression errors, the orders it
 * refuses, and what the embedded server does not evaluate.
 */
@CamlistoreServer(signing = true)
class SearchHandlerIT {
  private static final String SEARCH = "/my-search/camli/search/";
  private static final String UNKNOWN = "sha224-" + "0".repeat(56);
  private static final BlobRef KEY = TestIdentity.publicKeyBlobRef();
  private static final Instant T0 = Instant.parse("2020-11-01T12:00:00Z");

  private EmbeddedCamlistoreServer server;

  @BeforeEach
  void fresh(EmbeddedCamlistoreServer server) {
    server.reset();
    this.server = server;
  }

  @Test
  void describeRejectsMalformedParameters() {
    assertError(
        get("describe?blobref=md5-aa"), 400, "Invalid parameter \\\"blobref\\\"", "Bad Request");
    assertError(
        get("describe?blobref=" + UNKNOWN + "&blobref=nope"),
        400,
        "Invalid parameter \\\"blobref\\\"",
        "Bad Request");
    assertError(
        get("describe?blobref=" + UNKNOWN + "&depth=deep"),
        400,
        "Invalid parameter \\\"depth\\\"",
        "Bad Request");
    assertThat(Http.text(get("describe?blobref=" + UNKNOWN + "&depth=%2B2")))
        .isEqualTo("{\n  \"meta\": {}\n}\n");
  }

  @Test
  void describeBodiesFailAsGoDecodesThem() {
    assertError(
        post("describe", "{\"blobref\": 5}"),
        500,
        "blob: expecting a JSON string to unmarshal, got \\\"5\\\"",
        "Internal Server Error");
    assertError(
        post("describe", "{\"blobref\": \"sha224-zz\"}"),
        500,
        "blobref: invalid blobref \\\"sha224-zz\\\" (9)",
        "Internal Server Error");
    assertError(
        post("describe", "[1]"),
        500,
        "json: cannot unmarshal array into Go value of type search.DescribeRequest",
        "Internal Server Error");
    assertError(
        post("describe", "{\"depth\": \"2\"}"),
        500,
        "json: cannot unmarshal string into Go struct field DescribeRequest.depth of type int",
        "Internal Server Error");
    assertError(
        post("describe", "{\"rules\": [{\"attrs\": \"camliContent\"}]}"),
        500,
        "json: cannot unmarshal string into Go struct field DescribeRule.attrs of type []string",
        "Internal Server Error");
    assertError(
        post("describe", "{\"depth\": 1,}"),
        500,
        "invalid character '}' looking for beginning of object key string",
        "Internal Server Error");
    assertThat(Http.text(post("describe", "{\"Depth\": 2} trailing ignored")))
        .isEqualTo("{\n  \"meta\": {}\n}\n");
  }

  @Test
  void queryBodiesAndConstraintsAreValidatedAsPerkeepDoes() {
    assertError(post("query", ""), 500, "EOF", "Internal Server Error");
    assertError(
        post("query", "{\"sort\": \"sideways\"}"),
        500,
        "Bogus search sort type \\\"\\\\\\\"sideways\\\\\\\"\\\"",
        "Internal Server Error");
    assertError(
        post("query", "{\"constraint\": {\"claim\": {}}}"),
        500,
        "Invalid SearchQuery: TODO: implement ClaimConstraint",
        "Internal Server Error");
    assertError(
        post(
            "query",
            "{\"constraint\": {\"logical\": {\"op\": \"nand\", \"a\": {\"anything\": true},"
                + " \"b\": {\"anything\": true}}}}"),
        500,
        "Invalid SearchQuery: In LogicalConstraint, unknown operation \\\"nand\\\"",
        "Internal Server Error");
    assertError(
        post("query", "{\"constraint\": {\"permanode\": {\"attr\": \"title\"}}}"),
        500,
        "Invalid SearchQuery: PermanodeConstraint with Attr requires also setting NumValue or a"
            + " value-matching constraint",
        "Internal Server Error");
    assertError(
        post("query", "{\"constraint\": {\"blobSize\": {\"min\": 5, \"max\": 2}}}"),
        500,
        "Invalid SearchQuery: in IntConstraint, min is greater than max",
        "Internal Server Error");
    assertError(
        post(
            "query",
            "{\"constraint\": {\"anything\": true}, \"continue\": \"x\", \"around\": \""
                + UNKNOWN
                + "\"}"),
        500,
        "Invalid SearchQuery: Continue and Around parameters are mutually exclusive",
        "Internal Server Error");
  }

  @Test
  void expressionsFailWithPerkeepsParseErrors() {
    assertError(
        post("query", "{\"expression\": \"holiday\"}"),
        500,
        "Invalid SearchQuery: Error parsing search expression \\\"holiday\\\": No support for"
            + " literals yet at position 0, token: \\\"holiday\\\" \\nSee:"
            + " https://camlistore.org/doc/search-ui",
        "Internal Server Error");
    assertThat(Http.text(post("query", "{\"expression\": \"tag:a:b\"}")))
        .contains("Wrong number of arguments for \\\"tag\\\", given 2, expected 1");
    assertThat(Http.text(post("query", "{\"expression\": \"is:permanode\"}")))
        .contains("Unknown search predicate: \\\"is:permanode\\\"");
    assertThat(Http.text(post("query", "{\"expression\": \"(tag:a\"}")))
        .contains("No matching closing parenthesis at position 0");
    assertThat(Http.text(post("query", "{\"expression\": \"tag:a)\"}")))
        .contains("No matching opening parenthesis at position 5");
    assertThat(Http.text(post("query", "{\"expression\": \"tag:a \\\"open\"}")))
        .contains("Unclosed quote at position 6");
    assertThat(Http.text(post("query", "{\"expression\": \"format:bmp\"}")))
        .contains("Unknown format: bmp");
  }

  @Test
  void ordersPerkeepCannotApplyAreErrors() {
    assertError(
        post("query", "{\"constraint\": {\"anything\": true}, \"sort\": \"mod\"}"),
        500,
        "TODO: unsupported sort+query combination.",
        "Internal Server Error");
    assertError(
        post("query", "{\"constraint\": {\"anything\": true}, \"sort\": \"-created\"}"),
        500,
        "can only sort by ctime when all results are permanodes",
        "Internal Server Error");
  }

  @Test
  void partsTheEmbeddedServerCannotEvaluateAreNamed() {
    assertError(
        post(
            "query",
            "{\"constraint\": {\"permanode\": {\"location\": {\"Any\": true}}, \"file\":"
                + " {\"width\": {\"min\": 1}}}}"),
        500,
        "Not supported by the embedded Camlistore server: file.width, permanode.location",
        "Internal Server Error");
    assertError(
        post("query", "{\"constraint\": {\"anything\": true}, \"around\": \"" + UNKNOWN + "\"}"),
        500,
        "Not supported by the embedded Camlistore server: around",
        "Internal Server Error");
  }

  @Test
  void anEmptyQueryFindsVisiblePermanodesAndAnEmptyConstraintNothing() {
    BlobRef visible = permanode("visible", Map.of("title", "Shown"));
    BlobRef hidden = permanode("hidden", Map.of("camliDefVis", "hide"));

    assertThat(Http.text(post("query", "{}")))
        .contains(visible.toString())
        .doesNotContain(hidden.toString());
    assertThat(Http.text(post("query", "{\"constraint\": {}}")))
        .startsWith("{\n  \"blobs\": null,");
  }

  @Test
  void blobRefPrefixAndSizeMatchAnyBlob() {
    BlobRef small = server.putBlob(Http.bytes("tiny"));
    server.putBlob(Http.bytes("a somewhat longer blob"));

    String bySize =
        Http.text(
            post("query", "{\"constraint\": {\"blobSize\": {\"max\": 5}}, \"sort\": \"blobref\"}"));
    String byRef =
        Http.text(post("query", "{\"constraint\": {\"blobRefPrefix\": \"" + small + "\"}}"));

    assertThat(bySize).contains(small.toString()).doesNotContain("longer");
    assertThat(byRef).contains("\"blob\": \"" + small + "\"");
  }

  @Test
  void unsupportedEndpointsAndMethodsAnswerHttp200WithTheErrorShape() {
    String unsupported =
        "{\n  \"error\": \"Unsupported search path or method\",\n  \"errorType\": \"input\"\n}\n";
    for (HttpResponse<byte[]> response :
        List.of(
            get("ws"),
            get("signerpaths?signer=" + UNKNOWN + "&target=" + UNKNOWN),
            post("claims", "{}"),
            Http.send(
                Http.request(server, SEARCH + "describe")
                    .PUT(HttpRequest.BodyPublishers.noBody())))) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(Http.text(response)).isEqualTo(unsupported);
    }
  }

  @Test
  void lookupsValidateTheirParameters() {
    assertThat(Http.text(get("files")))
        .isEqualTo(
            "{\n  \"error\": \"Missing 'wholedigest' param\",\n  \"errorType\": \"input\",\n  \"files\": null\n}\n");
    assertThat(Http.text(get("files?wholedigest=x"))).contains("Invalid 'wholedigest' param");
    // As the real server: an unknown digest is listed with null.
    assertThat(Http.text(get("files?wholedigest=" + UNKNOWN)))
        .isEqualTo("{\n  \"files\": {\n    \"" + UNKNOWN + "\": null\n  }\n}\n");
    assertError(
        get("claims?permanode=x"), 400, "Invalid parameter \\\"permanode\\\"", "Bad Request");
    assertError(
        get("signerattrvalue?signer=" + TestIdentity.publicKeyBlobRef() + "&attr=title"),
        400,
        "Missing parameter \\\"value\\\"",
        "Bad Request");
    assertError(
        get("signerattrvalue?signer=" + TestIdentity.publicKeyBlobRef() + "&attr=title&value=none"),
        500,
        "file does not exist",
        "Internal Server Error");
    assertError(
        get("permanodeattr?value=x"),
        500,
        "TODO: SearchPermanodesWithAttr: generic indexer doesn't support FuzzyMatch on"
            + " PermanodeByAttrRequest",
        "Internal Server Error");
    assertError(
        get("permanodeattr?attr=tag&max=many"),
        400,
        "Invalid parameter \\\"max\\\"",
        "Bad Request");
    assertThat(Http.text(get("permanodeattr?attr=tag&value=none")))
        .isEqualTo("{\n  \"withAttr\": null,\n  \"meta\": {}\n}\n");
    assertThat(Http.text(get("recent?n=-1")))
        .isEqualTo("{\n  \"recent\": null,\n  \"meta\": {}\n}\n");
    assertThat(Http.text(get("edgesto?blobref=" + UNKNOWN)))
        .isEqualTo("{\n  \"toRef\": \"" + UNKNOWN + "\",\n  \"edgesTo\": null\n}\n");
  }

  @Test
  void describeViewsPermanodesAtATimeAndLimitsDirectoryChildren() {
    BlobRef node = permanode("viewed", Map.of("title", "First"));
    signed(
        PermanodeSchemas.attributeClaim(
            KEY, T0.plusSeconds(2), "set-attribute", node, "title", "Second"));
    String claims = Http.text(get("claims?permanode=" + node));
    String firstDate = claims.replaceFirst("(?s).*?\"date\": \"([^\"]+)\".*", "$1");

    String then = Http.text(get("describe?blobref=" + node + "&at=" + firstDate));
    String now = Http.text(get("describe?blobref=" + node));

    assertThat(then).contains("\"First\"").doesNotContain("\"Second\"");
    assertThat(now).contains("\"Second\"");
    assertThat(Http.text(Http.get(server, "/my-search/describe?blobref=" + node))).isEqualTo(now);
  }

  @Test
  void permanodeattrWithoutAValueListsByValueThenNewestClaimFirst() {
    // As Perkeep's index keys them: signer, attribute, value, then reversed claim time.
    BlobRef first = signed(PermanodeSchemas.permanode(KEY, "first", T0));
    BlobRef second = signed(PermanodeSchemas.permanode(KEY, "second", T0));
    BlobRef third = signed(PermanodeSchemas.permanode(KEY, "third", T0));
    signed(
        PermanodeSchemas.attributeClaim(
            KEY, T0.plusSeconds(1), "add-attribute", second, "tag", "x"));
    signed(
        PermanodeSchemas.attributeClaim(
            KEY, T0.plusSeconds(2), "add-attribute", first, "tag", "y"));
    signed(
        PermanodeSchemas.attributeClaim(
            KEY, T0.plusSeconds(3), "add-attribute", third, "tag", "x"));

    assertThat(Http.text(get("permanodeattr?attr=tag")))
        .startsWith(
            "{\n  \"withAttr\": [\n    {\n      \"permanode\": \""
                + third
                + "\"\n    },\n    {\n      \"permanode\": \""
                + second
                + "\"\n    },\n    {\n      \"permanode\": \""
                + first
                + "\"\n    }\n  ],\n");
  }

  @Test
  void headAnswersWithoutABody() {
    HttpResponse<byte[]> response =
        Http.send(
            Http.request(server, SEARCH + "describe?blobref=" + UNKNOWN)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).hasValue("17");
    assertThat(response.body()).isEmpty();
  }

  /** A permanode whose attributes are set one second after it is made. */
  private BlobRef permanode(String random, Map<String, String> attributes) {
    BlobRef node = signed(PermanodeSchemas.permanode(KEY, random, T0));
    attributes.forEach(
        (attribute, value) ->
            signed(
                PermanodeSchemas.attributeClaim(
                    KEY, T0.plusSeconds(1), "set-attribute", node, attribute, value)));
    return node;
  }

  private BlobRef signed(String unsigned) {
    return server.putBlob(Http.bytes(TestIdentity.signer().sign(unsigned)));
  }

  private HttpResponse<byte[]> get(String endpoint) {
    return Http.get(server, SEARCH + endpoint);
  }

  private HttpResponse<byte[]> post(String endpoint, String json) {
    return Http.postJson(server, SEARCH + endpoint, json);
  }

  /** Checks Perkeep's JSON error; {@code error} is given as it appears in the JSON text. */
  private static void assertError(
      HttpResponse<byte[]> response, int status, String error, String errorType) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/javascript");
    assertThat(Http.text(response))
        .isEqualTo(
            "{\n  \"error\": \"" + error + "\",\n  \"errorType\": \"" + errorType + "\"\n}\n");
  }
}
