package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** A header wins over the endpoint's configuration; the configuration is the fallback. */
class CamlistoreConfigurationOptionsProxyTest {
  private final CamlistoreConfiguration configuration = new CamlistoreConfiguration();
  private final CamlistoreConfigurationOptionsProxy proxy =
      new CamlistoreConfigurationOptionsProxy(configuration);
  private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

  @Test
  void theConfigurationAnswersWhenNoHeaderIsSet() {
    configuration.setOperation(CamlistoreOperation.stat);
    configuration.setHashFunction("sha256");
    configuration.setLimit(7);
    configuration.setPermanode(true);
    configuration.setStreamDownload(true);

    assertThat(proxy.operation(exchange)).isEqualTo(CamlistoreOperation.stat);
    assertThat(proxy.permanode(exchange)).isTrue();
    assertThat(proxy.streamDownload()).isTrue();
    assertThat(proxy.hashFunction(exchange)).isEqualTo("sha256");
    assertThat(proxy.limit(exchange)).isEqualTo(7);
    assertThat(proxy.after(exchange)).isNull();
    assertThat(proxy.queryLimit(exchange)).isNull();
    assertThat(proxy.continueToken(exchange)).isNull();
  }

  @Test
  void headersWinOverTheConfiguration() {
    configuration.setOperation(CamlistoreOperation.stat);
    exchange.getMessage().setHeader(CamlistoreConstants.OPERATION, CamlistoreOperation.put);
    exchange.getMessage().setHeader(CamlistoreConstants.HASH_FUNCTION, "sha1");
    exchange.getMessage().setHeader(CamlistoreConstants.LIMIT, "12");
    exchange.getMessage().setHeader(CamlistoreConstants.AFTER, "sha224-f");
    exchange.getMessage().setHeader(CamlistoreConstants.PERMANODE, "true");

    assertThat(proxy.operation(exchange)).isEqualTo(CamlistoreOperation.put);
    assertThat(proxy.hashFunction(exchange)).isEqualTo("sha1");
    assertThat(proxy.limit(exchange)).isEqualTo(12);
    assertThat(proxy.after(exchange)).isEqualTo("sha224-f");
    assertThat(proxy.permanode(exchange)).isTrue();
  }

  @Test
  void queryPagingComesFromHeaders() {
    exchange.getMessage().setHeader(CamlistoreConstants.QUERY_LIMIT, " 25 ");
    exchange.getMessage().setHeader(CamlistoreConstants.CONTINUE_TOKEN, "pn:1:sha224-c7");

    assertThat(proxy.queryLimit(exchange)).isEqualTo(25);
    assertThat(proxy.continueToken(exchange)).isEqualTo("pn:1:sha224-c7");
  }

  @Test
  void aQueryLimitBelowOneFailsQuotingIt() {
    exchange.getMessage().setHeader(CamlistoreConstants.QUERY_LIMIT, -3);

    assertThatThrownBy(() -> proxy.queryLimit(exchange))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "header CamelCamlistoreQueryLimit must be a whole number of at least 1, got '-3'");
  }

  @Test
  void anOperationHeaderMayBeText() {
    exchange.getMessage().setHeader(CamlistoreConstants.OPERATION, "remove");

    assertThat(proxy.operation(exchange)).isEqualTo(CamlistoreOperation.remove);
  }

  @Test
  void noOperationAnywhereFailsListingTheValidOnes() {
    assertThatThrownBy(() -> proxy.operation(exchange))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CamlistoreConstants.OPERATION)
        .hasMessageContaining(
            "put, putMulti, get, exists, stat, enumerate, remove, putFile, putFiles, getFile, describe,"
                + " query, claims, createPermanode, setAttribute, addAttribute, delAttribute,"
                + " deletePermanode");
  }
}
