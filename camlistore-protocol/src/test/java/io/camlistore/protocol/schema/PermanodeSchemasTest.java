package io.camlistore.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camlistore.protocol.BlobRef;
import io.camlistore.protocol.TestResources;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The unsigned permanode and claim objects in Perkeep's canonical form (that they equal pk-put's
 * blobs byte for byte is checked, signed, by {@code PkPutBlobsTest}).
 */
class PermanodeSchemasTest {
  static final BlobRef KEY =
      BlobRef.parse("sha224-9e4b6e20c90ea252a0c17432c59f987a21bc3bf409aa7835fad7243e");
  static final BlobRef PERMANODE =
      BlobRef.parse("sha224-a380287e3b9e0c39fd77d4076551bd99ca1d54101da0ca1396acb265");

  @Test
  void permanodeWithoutClaimDateMatchesWhatWasSentToTheSignHelper() {
    assertThat(PermanodeSchemas.permanode(KEY, "fixture-random-0001", null))
        .isEqualTo(TestResources.signRequestJson("14-sighelper-sign-permanode"))
        .startsWith("{\"camliVersion\": 1,\n")
        .endsWith("\n}");
  }

  @Test
  void claimWithHtmlCharactersEscapesThemAsGoDoes() {
    // Fixture 16's input was written by hand with raw < > &; Perkeep's encoder escapes them.
    BlobRef serverSigned =
        BlobRef.parse("sha224-4b6e64e6b94c2cc443258776236098dd47d7204b27a7f0e1ee39a9a4");

    assertThat(
            PermanodeSchemas.attributeClaim(
                KEY,
                Instant.parse("2020-11-01T12:00:00Z"),
                "set-attribute",
                serverSigned,
                "title",
                "Signed by the server <sighelper> & uploaded with curl"))
        .isEqualTo(
            TestResources.signRequestJson("16-sighelper-sign-claim")
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026"));
  }

  @Test
  void delAttributeClaimOmitsTheValueToRemoveEveryValue() {
    Instant date = Instant.parse("2026-11-25T09:30:13.5Z");

    assertThat(PermanodeSchemas.attributeClaim(KEY, date, "del-attribute", PERMANODE, "tag", null))
        .isEqualTo(
            "{\"camliVersion\": 1,\n"
                + "  \"attribute\": \"tag\",\n"
                + "  \"camliSigner\": \""
                + KEY
                + "\",\n"
                + "  \"camliType\": \"claim\",\n"
                + "  \"claimDate\": \"2026-11-25T09:30:13.5Z\",\n"
                + "  \"claimType\": \"del-attribute\",\n"
                + "  \"permaNode\": \""
                + PERMANODE
                + "\"\n"
                + "}");
    assertThat(
            PermanodeSchemas.attributeClaim(KEY, date, "del-attribute", PERMANODE, "tag", "beta"))
        .contains("\"permaNode\": \"" + PERMANODE + "\",\n  \"value\": \"beta\"\n}");
  }

  @Test
  void deleteClaimNamesItsTarget() {
    assertThat(PermanodeSchemas.deleteClaim(KEY, Instant.parse("2026-11-25T09:31:00Z"), PERMANODE))
        .isEqualTo(
            "{\"camliVersion\": 1,\n"
                + "  \"camliSigner\": \""
                + KEY
                + "\",\n"
                + "  \"camliType\": \"claim\",\n"
                + "  \"claimDate\": \"2026-11-25T09:31:00Z\",\n"
                + "  \"claimType\": \"delete\",\n"
                + "  \"target\": \""
                + PERMANODE
                + "\"\n"
                + "}");
  }

  @Test
  void invalidClaimsAreRejectedNamingTheProblem() {
    Instant date = Instant.EPOCH;
    assertThatThrownBy(
            () -> PermanodeSchemas.attributeClaim(KEY, date, "share", PERMANODE, "tag", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share");
    assertThatThrownBy(
            () ->
                PermanodeSchemas.attributeClaim(KEY, date, "add-attribute", PERMANODE, "tag", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a value");
    assertThatThrownBy(
            () -> PermanodeSchemas.attributeClaim(KEY, date, "set-attribute", PERMANODE, "", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute");
    assertThatThrownBy(() -> PermanodeSchemas.permanode(KEY, "", date))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("random");
    assertThatThrownBy(() -> PermanodeSchemas.plannedPermanode(KEY, "", date))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
  }
}
