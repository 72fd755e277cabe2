package io.camlistore.testkit.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.search.SearchSort;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {
  @Test
  void aQueryDecodesEveryConstraintPart() throws GoJsonException {
    Query query =
        RequestDecoder.query(
            "{\"constraint\": {\"logical\": {\"op\": \"and\", \"a\": {\"permanode\": {\"attr\":"
                + " \"n\", \"valueMatchesInt\": {\"min\": 2}, \"valueMatchesFloat\": {\"max\": 9.5},"
                + " \"numValue\": {\"zeroMin\": false, \"max\": 3}, \"valueAllMatch\": true,"
                + " \"modTime\": {\"after\": \"2020-01-01T00:00:00Z\", \"inLast\": 5}}}, \"b\":"
                + " {\"dir\": {\"fileName\": {\"equals\": \"d\", \"byteLength\": {\"max\": 4}},"
                + " \"topFileCount\": {\"min\": 1}}, \"blobSize\": {\"zeroMin\": true}}}},"
                + " \"limit\": -1, \"sort\": \"blobref\", \"continue\": \"c\", \"describe\":"
                + " {\"depth\": 2, \"at\": \"\", \"rules\": [{\"ifResultRoot\": true, \"rules\":"
                + " [{\"attrs\": [\"x*\", null]}]}]}}");

    Query.Constraint c = Objects.requireNonNull(query.constraint());
    Query.Logical logical = Objects.requireNonNull(c.logical());
    Query.Constraint a = Objects.requireNonNull(logical.a());
    Query.Constraint b = Objects.requireNonNull(logical.b());
    Query.PermanodeMatch p = Objects.requireNonNull(a.permanode());
    assertThat(p.valueAll()).isTrue();
    assertThat(p.valueMatchesInt()).isEqualTo(new Query.IntRange(2, 0, false, false));
    assertThat(p.valueMatchesFloat()).isEqualTo(new Query.FloatRange(0, 9.5, false, false));
    assertThat(p.modTime())
        .isEqualTo(new Query.TimeRange(null, Instant.parse("2020-01-01T00:00:00Z"), 5));
    Query.DirMatch dir = Objects.requireNonNull(b.dir());
    assertThat(dir.topFileCount()).isEqualTo(new Query.IntRange(1, 0, false, false));
    assertThat(b.blobSize()).isEqualTo(new Query.IntRange(0, 0, true, false));
    assertThat(query.limit()).isEqualTo(-1);
    assertThat(query.sort()).isEqualTo(SearchSort.BLOBREF);
    assertThat(query.continueToken()).isEqualTo("c");
    Query.DescribeSpec describe = Objects.requireNonNull(query.describe());
    assertThat(describe.at()).isNull();
    assertThat(describe.rules().get(0).rules().get(0).attrs()).containsExactly("x*", "");
  }

  @Test
  void typeMismatchesFailAsGoReportsThem() {
    assertThatThrownBy(() -> RequestDecoder.query("{\"limit\": 1.5}"))
        .hasMessage(
            "json: cannot unmarshal number 1.5 into Go struct field SearchQuery.limit of type int");
    assertThatThrownBy(() -> RequestDecoder.query("{\"constraint\": []}"))
        .hasMessage(
            "json: cannot unmarshal array into Go struct field SearchQuery.constraint of type"
                + " search.Constraint");
    assertThatThrownBy(() -> RequestDecoder.query("{\"constraint\": {\"anything\": 1}}"))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field Constraint.anything of type bool");
    assertThatThrownBy(() -> RequestDecoder.query("{\"constraint\": {\"camliType\": true}}"))
        .hasMessage(
            "json: cannot unmarshal bool into Go struct field Constraint.camliType of type string");
    assertThatThrownBy(
            () ->
                RequestDecoder.query(
                    "{\"constraint\": {\"permanode\": {\"valueMatchesFloat\": {\"min\": \"1\"}}}}"))
        .hasMessage(
            "json: cannot unmarshal string into Go struct field FloatConstraint.min of type float64");
    assertThatThrownBy(() -> RequestDecoder.describe("{\"rules\": [5]}"))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field DescribeRequest.rules of type"
                + " search.DescribeRule");
    assertThatThrownBy(() -> RequestDecoder.describe("{\"blobrefs\": {}}"))
        .hasMessage(
            "json: cannot unmarshal object into Go struct field DescribeRequest.blobrefs of type"
                + " []blob.Ref");
    assertThatThrownBy(() -> RequestDecoder.describe("{\"rules\": [{\"attrs\": [1]}]}"))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field DescribeRule.attrs of type string");
  }

  @Test
  void timesFailWithTheirOwnMessages() {
    assertThatThrownBy(() -> RequestDecoder.describe("{\"at\": 5}"))
        .hasMessage("types: failed to unmarshal non-string value \"5\" as an RFC 3339 time");
    assertThatThrownBy(() -> RequestDecoder.describe("{\"at\": \"yesterday\"}"))
        .hasMessageStartingWith(
            "parsing time \"yesterday\" as \"2006-01-02T15:04:05.999999999Z07:00\"");
  }

  @Test
  void nullSortIsBogusAsInPerkeep() {
    assertThatThrownBy(() -> RequestDecoder.query("{\"sort\": null}"))
        .hasMessage("Bogus search sort type \"null\"");
  }
}
