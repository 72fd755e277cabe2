package io.camlistore.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camlistore.client.ConnectOptions;
import io.camlistore.client.Connection;
import io.camlistore.client.HttpProxy;
import io.camlistore.client.InvalidOptionException;
import io.camlistore.client.LocalSigner;
import io.camlistore.protocol.BlobRef;
import io.camlistore.testkit.CamlistoreServer;
import io.camlistore.testkit.EmbeddedCamlistoreServer;
import io.camlistore.testkit.TestIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated metadata makes the component discoverable from its scheme, configurable without
 * reflection and described by {@code camlistore.json}; endpoints are checked when they are created;
 * a single {@link Connection} bean is used automatically and left open.
 */
class CamlistoreComponentTest {
  @CamlistoreServer static EmbeddedCamlistoreServer server;

  private final DefaultCamelContext context = new DefaultCamelContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  private JsonNode json() throws Exception {
    String text = ((CatalogCamelContext) context).getComponentParameterJsonSchema("camlistore");
    return new ObjectMapper().readTree(text);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private CamlistoreEndpoint endpoint(String uri) {
    return context.getEndpoint(uri, CamlistoreEndpoint.class);
  }

  @Test
  void theSchemeResolvesToTheComponentWithItsGeneratedConfigurers() {
    assertThat(context.getComponent("camlistore")).isInstanceOf(CamlistoreComponent.class);
    var resolver = PluginHelper.getConfigurerResolver(context);
    assertThat(resolver.resolvePropertyConfigurer("camlistore-component", context))
        .isInstanceOf(CamlistoreComponentConfigurer.class);
    assertThat(resolver.resolvePropertyConfigurer("camlistore-endpoint", context))
        .isInstanceOf(CamlistoreEndpointConfigurer.class);
  }

  @Test
  void theJsonDescribesOptionsHeadersSecretsAndTheAutowiredConnection() throws Exception {
    JsonNode json = json();

    assertThat(json.at("/component/scheme").asText()).isEqualTo("camlistore");
    assertThat(json.at("/component/syntax").asText()).isEqualTo("camlistore:operation");
    assertThat(json.at("/component/firstVersion").asText()).isEqualTo("0.1.0");
    JsonNode properties = json.get("properties");
    assertThat(names(properties))
        .contains(
            "operation",
            "serverUrl",
            "connection",
            "hashFunction",
            "streamDownload",
            "permanode",
            "limit",
            "includeBody",
            "startAfter",
            "stateFile",
            "cursorFile",
            "idempotentRepository",
            "stateRepository",
            "expression",
            "lookback",
            "maxMessagesPerPoll",
            "connectTimeout",
            "readTimeout",
            "username",
            "password",
            "authToken",
            "secretKeyring",
            "keyId",
            "maxAttempts",
            "retryBackoff",
            "maxConnections",
            "uploadParallelism",
            "downloadParallelism",
            "sslContextParameters",
            "proxyHost",
            "proxyPort",
            "proxyUsername",
            "proxyPassword")
        .doesNotContain("storeAsFile");
    for (String secret : List.of("username", "password", "authToken")) {
      assertThat(properties.at("/" + secret + "/secret").asBoolean()).as(secret).isTrue();
      assertThat(properties.at("/" + secret + "/label").asText()).as(secret).isEqualTo("security");
    }
    for (String proxy : List.of("proxyHost", "proxyPort", "proxyUsername", "proxyPassword")) {
      assertThat(properties.at("/" + proxy + "/label").asText()).as(proxy).isEqualTo("proxy");
    }
    assertThat(properties.at("/proxyUsername/secret").asBoolean()).isTrue();
    assertThat(properties.at("/proxyPassword/secret").asBoolean()).isTrue();
    assertThat(properties.at("/proxyHost/secret").asBoolean()).isFalse();
    assertThat(properties.at("/sslContextParameters/label").asText()).isEqualTo("security");
    assertThat(properties.at("/sslContextParameters/javaType").asText())
        .isEqualTo("org.apache.camel.support.jsse.SSLContextParameters");
    assertThat(json.at("/componentProperties/useGlobalSslContextParameters/label").asText())
        .isEqualTo("security");
    assertThat(properties.has("useGlobalSslContextParameters")).isFalse();
    assertThat(properties.at("/serverUrl/secret").asBoolean()).isFalse();
    assertThat(properties.at("/secretKeyring/label").asText()).isEqualTo("security");
    assertThat(properties.at("/keyId/label").asText()).isEqualTo("security");
    assertThat(properties.at("/maxAttempts/defaultValue").asInt()).isEqualTo(3);
    assertThat(properties.at("/connection/autowired").asBoolean()).isTrue();
    assertThat(json.at("/componentProperties/connection/autowired").asBoolean()).isTrue();
    assertThat(json.at("/componentProperties/serverUrl").isObject()).isTrue();
    // Each consuming endpoint keeps its own state: these are endpoint options only.
    assertThat(names(json.get("componentProperties")))
        .doesNotContainAnyElementsOf(
            List.of(
                "includeBody",
                "startAfter",
                "stateFile",
                "cursorFile",
                "idempotentRepository",
                "stateRepository",
                "expression",
                "lookback"));
    assertThat(properties.at("/cursorFile/deprecated").asBoolean()).isTrue();
    assertThat(properties.at("/stateRepository/javaType").asText())
        .isEqualTo("org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String>");
    assertThat(properties.at("/operation/enum").toString())
        .isEqualTo(
            "[\"put\",\"putMulti\",\"get\",\"exists\",\"stat\",\"enumerate\",\"remove\",\"putFile\",\"putFiles\","
                + "\"getFile\",\"describe\","
                + "\"query\",\"claims\",\"createPermanode\",\"setAttribute\",\"addAttribute\","
                + "\"delAttribute\",\"deletePermanode\"]");
    assertThat(names(json.get("headers")))
        .containsExactlyInAnyOrder(
            CamlistoreConstants.OPERATION,
            CamlistoreConstants.BLOB_REF,
            CamlistoreConstants.BLOB_SIZE,
            CamlistoreConstants.BLOB_REFS,
            CamlistoreConstants.BLOB_SIZES,
            CamlistoreConstants.HASH_FUNCTION,
            CamlistoreConstants.LIMIT,
            CamlistoreConstants.AFTER,
            CamlistoreConstants.CONTINUE_AFTER,
            CamlistoreConstants.CAMLI_TYPE,
            CamlistoreConstants.MOD_TIME,
            CamlistoreConstants.ATTRIBUTE,
            CamlistoreConstants.ATTRIBUTE_VALUE,
            CamlistoreConstants.QUERY_LIMIT,
            CamlistoreConstants.CONTINUE_TOKEN,
            CamlistoreConstants.FILE_NAME,
            CamlistoreConstants.PERMANODE,
            CamlistoreConstants.PERMANODE_REF);
  }

  @Test
  void theUriFactoryMasksCredentials() throws Exception {
    EndpointUriFactory factory =
        context.getCamelContextExtension().getEndpointUriFactory("camlistore");

    assertThat(factory.secretPropertyNames())
        .containsExactlyInAnyOrder(
            "username", "password", "authToken", "proxyUsername", "proxyPassword");
    assertThat(
            factory.buildUri(
                "camlistore", Map.of("operation", "get", "serverUrl", "http://h:3179/"), false))
        .isEqualTo("camlistore:get?serverUrl=http://h:3179/");
  }

  @Test
  void uriOptionsAreBoundToTheEndpoint() {
    CamlistoreEndpoint endpoint =
        endpoint(
            "camlistore:enumerate?serverUrl=http://h:3179/&connectTimeout=5s&readTimeout=2m"
                + "&includeBody=false&startAfter=sha224-f&maxMessagesPerPoll=250&limit=7"
                + "&hashFunction=sha256");
    CamlistoreConfiguration configuration = endpoint.getConfiguration();

    assertThat(configuration.getOperation()).isEqualTo(CamlistoreOperation.enumerate);
    assertThat(configuration.getConnectTimeout()).isEqualTo(5_000);
    assertThat(configuration.getReadTimeout()).isEqualTo(120_000);
    assertThat(endpoint.getConsumerConfiguration().isIncludeBody()).isFalse();
    assertThat(endpoint.getConsumerConfiguration().getStartAfter()).isEqualTo("sha224-f");
    assertThat(configuration.getLimit()).isEqualTo(7);
    assertThat(configuration.getHashFunction()).isEqualTo("sha256");
    assertThat(endpoint.getMaxMessagesPerPoll()).isEqualTo(250);
    assertThat(endpoint.getServiceUrl()).isEqualTo("http://h:3179/");
  }

  @Test
  void componentOptionsAreTheDefaultsOfEveryEndpointWhichCopiesThem() {
    CamlistoreComponent component = context.getComponent("camlistore", CamlistoreComponent.class);
    // What camel.component.camlistore.server-url=... does, through the generated configurer.
    PropertyBindingSupport.build()
        .bind(
            context,
            component,
            new HashMap<>(Map.of("serverUrl", "http://h:3179/", "username", "alice")));

    CamlistoreEndpoint endpoint = endpoint("camlistore:put?username=bob&password=pw");

    assertThat(endpoint.getConfiguration().getServerUrl()).isEqualTo("http://h:3179/");
    assertThat(endpoint.getConfiguration().getUsername()).isEqualTo("bob");
    assertThat(component.getConfiguration().getUsername()).isEqualTo("alice");
    assertThat(component.getConfiguration().getOperation()).isNull();
  }

  @Test
  void anUnknownOperationFailsWhenTheEndpointIsCreated() {
    assertThatThrownBy(() -> context.getEndpoint("camlistore:frobnicate?serverUrl=http://h/"))
        .isInstanceOf(ResolveEndpointFailedException.class)
        .rootCause()
        .hasMessageContaining("unknown camlistore operation 'frobnicate'")
        .hasMessageContaining(
            "put, putMulti, get, exists, stat, enumerate, remove, putFile, putFiles, getFile, describe,"
                + " query, claims");
  }

  @Test
  void anEndpointWithoutAServerFailsWhenCreatedSayingHowToSetOne() {
    assertThatThrownBy(() -> context.getEndpoint("camlistore:put"))
        .isInstanceOf(ResolveEndpointFailedException.class)
        .rootCause()
        .hasMessageContaining("serverUrl")
        .hasMessageContaining("camel.component.camlistore.server-url");
  }

  @Test
  void conflictingOrIncompleteCredentialsFailWhenTheEndpointIsCreated() {
    assertThatThrownBy(
            () -> context.getEndpoint("camlistore:put?serverUrl=http://h/&authToken=t&username=u"))
        .rootCause()
        .hasMessageContaining("either authToken or username/password");
    assertThatThrownBy(() -> context.getEndpoint("camlistore:put?serverUrl=http://h/&password=p"))
        .rootCause()
        .hasMessageContaining("password is set but username is not");
  }

  @Test
  void aKeyringAndRetryOptionsBecomeTheConnectOptions() {
    CamlistoreEndpoint endpoint =
        endpoint(
            "camlistore:createPermanode?serverUrl=http://h/&maxAttempts=5&keyId="
                + TestKeyring.KEY_ID
                + "&secretKeyring="
                + TestKeyring.file());

    ConnectOptions options = endpoint.connectOptions();

    assertThat(options.maxAttempts()).isEqualTo(5);
    assertThat(options.signer())
        .isInstanceOfSatisfying(
            LocalSigner.class,
            signer -> {
              assertThat(signer.keyId()).isEqualTo(TestKeyring.KEY_ID);
              assertThat(signer.publicKeyBlobRef()).isEqualTo(TestIdentity.publicKeyBlobRef());
            });
    assertThat(endpoint("camlistore:put?serverUrl=http://h/").connectOptions())
        .satisfies(
            defaults -> {
              assertThat(defaults.maxAttempts()).isEqualTo(3);
              assertThat(defaults.signer()).isNull();
            });
  }

  @Test
  void theTuningOptionsDocumentTheClientsDefaults() throws Exception {
    JsonNode properties = json().get("properties");
    ConnectOptions client = ConnectOptions.defaults();

    assertThat(properties.at("/retryBackoff/defaultValue").asLong())
        .isEqualTo(client.retryBackoff().toMillis());
    assertThat(properties.at("/maxConnections/defaultValue").asInt())
        .isEqualTo(client.maxConnections());
    assertThat(properties.at("/uploadParallelism/defaultValue").asInt())
        .isEqualTo(client.uploadParallelism());
    assertThat(properties.at("/downloadParallelism/defaultValue").asInt())
        .isEqualTo(client.downloadParallelism());
    assertThat(json().at("/componentProperties/downloadParallelism/defaultValue").asInt())
        .isEqualTo(client.downloadParallelism());
  }

  @Test
  void tuningUriOptionsBecomeTheConnectOptionsAndUnsetOnesKeepTheClientsDefaults() {
    ConnectOptions options =
        endpoint(
                "camlistore:getFile?serverUrl=http://h/&retryBackoff=1500ms&maxConnections=32"
                    + "&uploadParallelism=2&downloadParallelism=1")
            .connectOptions();
    ConnectOptions defaults = endpoint("camlistore:getFile?serverUrl=http://h/").connectOptions();

    assertThat(options.retryBackoff()).isEqualTo(Duration.ofMillis(1_500));
    assertThat(options.maxConnections()).isEqualTo(32);
    assertThat(options.uploadParallelism()).isEqualTo(2);
    assertThat(options.downloadParallelism()).isEqualTo(1);
    ConnectOptions client = ConnectOptions.defaults();
    assertThat(defaults.retryBackoff()).isEqualTo(client.retryBackoff());
    assertThat(defaults.maxConnections()).isEqualTo(client.maxConnections());
    assertThat(defaults.uploadParallelism()).isEqualTo(client.uploadParallelism());
    assertThat(defaults.downloadParallelism()).isEqualTo(client.downloadParallelism());
    assertThat(defaults.enumeratePageSize()).isEqualTo(client.enumeratePageSize());
  }

  @Test
  void aZeroRetryBackoffRetriesAtOnce() {
    assertThat(
            endpoint("camlistore:get?serverUrl=http://h/&retryBackoff=0")
                .connectOptions()
                .retryBackoff())
        .isZero();
  }

  @Test
  void optionsTheClientRefusesFailWhenTheEndpointIsCreatedNamingTheEndpointOption()
      throws Exception {
    JsonNode properties = json().get("properties");
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("maxConnections=0", "camlistore: maxConnections must be at least 1, got 0");
    refused.put("uploadParallelism=0", "camlistore: uploadParallelism must be at least 1, got 0");
    refused.put(
        "downloadParallelism=0", "camlistore: downloadParallelism must be at least 1, got 0");
    refused.put("maxAttempts=0", "camlistore: maxAttempts must be at least 1, got 0");
    refused.put("retryBackoff=-1", "camlistore: retryBackoff must not be negative, got -1 ms");
    refused.put("connectTimeout=0", "camlistore: connectTimeout must be positive, got 0 ms");
    refused.put("readTimeout=-5", "camlistore: readTimeout must be positive, got -5 ms");
    refused.put(
        "proxyHost=p&proxyPort=70000", "camlistore: proxyPort must be 1 to 65535, got 70000");
    refused.forEach(
        (options, message) ->
            assertThatThrownBy(
                    () -> context.getEndpoint("camlistore:put?serverUrl=http://h/&" + options))
                .as(options)
                .isInstanceOf(ResolveEndpointFailedException.class)
                .cause()
                .isInstanceOfSatisfying(
                    InvalidOptionException.class,
                    e -> {
                      assertThat(properties.has(e.option())).as(e.option()).isTrue();
                      assertThat(message).startsWith("camlistore: " + e.option() + " ");
                    })
                .hasMessage(message));
  }

  @Test
  void componentTuningOptionsAreDefaultsThatAnEndpointOverrides() {
    CamlistoreComponent component = context.getComponent("camlistore", CamlistoreComponent.class);
    // What camel.component.camlistore.download-parallelism=... does, through the configurer.
    PropertyBindingSupport.build()
        .bind(
            context,
            component,
            new HashMap<>(
                Map.of(
                    "serverUrl", "http://h:3179/",
                    "downloadParallelism", "2",
                    "uploadParallelism", "3",
                    "maxConnections", "5",
                    "retryBackoff", "1s")));

    ConnectOptions inherited = endpoint("camlistore:getFile").connectOptions();
    ConnectOptions overridden =
        endpoint("camlistore:getFile?downloadParallelism=6&maxConnections=12&retryBackoff=50")
            .connectOptions();

    assertThat(inherited.downloadParallelism()).isEqualTo(2);
    assertThat(inherited.uploadParallelism()).isEqualTo(3);
    assertThat(inherited.maxConnections()).isEqualTo(5);
    assertThat(inherited.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(overridden.downloadParallelism()).isEqualTo(6);
    assertThat(overridden.maxConnections()).isEqualTo(12);
    assertThat(overridden.retryBackoff()).isEqualTo(Duration.ofMillis(50));
    assertThat(overridden.uploadParallelism()).isEqualTo(3);
    assertThat(component.getConfiguration().getDownloadParallelism()).isEqualTo(2);
  }

  @Test
  void keyringOptionsThatCannotSignFailWhenTheEndpointIsCreated() {
    String keyring = "&secretKeyring=" + TestKeyring.file();
    assertThatThrownBy(() -> context.getEndpoint("camlistore:put?serverUrl=http://h/" + keyring))
        .rootCause()
        .hasMessageContaining("set both secretKeyring")
        .hasMessageContaining("keyId");
    assertThatThrownBy(
            () ->
                context.getEndpoint(
                    "camlistore:put?serverUrl=http://h/&keyId=0123456789ABCDEF" + keyring))
        .hasStackTraceContaining(
            "secretKeyring "
                + TestKeyring.file()
                + " with keyId 0123456789ABCDEF cannot sign: no secret key 0123456789ABCDEF");
    assertThatThrownBy(
            () ->
                context.getEndpoint(
                    "camlistore:put?serverUrl=http://h/&keyId=7559C29EFA90DC38"
                        + "&secretKeyring=/no/such/secring.gpg"))
        .rootCause()
        .hasMessageContaining("/no/such/secring.gpg");
  }

  @Test
  void aKeyringWithAGivenConnectionFailsBecauseTheConnectionSignsAsItWasBuilt() throws Exception {
    try (Connection conn = OperationsTestSupport.connect(server)) {
      context.getRegistry().bind("perkeep", conn);

      assertThatThrownBy(
              () ->
                  context.getEndpoint(
                      "camlistore:createPermanode?keyId=7559C29EFA90DC38&secretKeyring="
                          + TestKeyring.file()))
          .rootCause()
          .hasMessageContaining("apply only when the endpoint connects to serverUrl itself");
    }
  }

  @Test
  void proxyOptionsBecomeTheConnectOptionsProxyWithTheCredentialsMasked() {
    ConnectOptions options =
        endpoint(
                "camlistore:get?serverUrl=http://h/&proxyHost=proxy.example&proxyPort=3128"
                    + "&proxyUsername=bob&proxyPassword=RAW(s3cret&x)")
            .connectOptions();

    assertThat(options.proxy())
        .isEqualTo(HttpProxy.of("proxy.example", 3128).withCredentials("bob", "s3cret&x"));
    assertThat(options.toString()).doesNotContain("bob").doesNotContain("s3cret");
    assertThat(endpoint("camlistore:get?serverUrl=http://h/").connectOptions().proxy())
        .as("none: the JVM's proxy settings apply")
        .isNull();
  }

  @Test
  void incompleteProxyOptionsFailWhenTheEndpointIsCreated() {
    assertThatThrownBy(() -> context.getEndpoint("camlistore:put?serverUrl=http://h/&proxyPort=1"))
        .rootCause()
        .hasMessageContaining("need proxyHost");
    assertThatThrownBy(() -> context.getEndpoint("camlistore:put?serverUrl=http://h/&proxyHost=p"))
        .rootCause()
        .hasMessageContaining("proxyHost needs proxyPort");
    assertThatThrownBy(
            () ->
                context.getEndpoint(
                    "camlistore:put?serverUrl=http://h/&proxyHost=p&proxyPort=1"
                        + "&proxyPassword=secret"))
        .rootCause()
        .hasMessageContaining("proxyPassword is set but proxyUsername is not")
        .hasMessageNotContaining("secret&");
  }

  @Test
  void sslContextParametersBecomeTheConnectOptionsTlsContext() throws Exception {
    SSLContextParameters tls = new SSLContextParameters();
    context.getRegistry().bind("tls", tls);

    ConnectOptions options =
        endpoint("camlistore:get?serverUrl=https://h/&sslContextParameters=#tls").connectOptions();

    assertThat(
            endpoint("camlistore:get?serverUrl=https://h/&sslContextParameters=#tls")
                .getConfiguration()
                .getSslContextParameters())
        .isSameAs(tls);
    assertThat(options.sslContext()).isNotNull();
  }

  @Test
  void theGlobalSslContextParametersApplyOnlyWhenTheComponentIsToldToUseThem() {
    SSLContextParameters global = new SSLContextParameters();
    context.setSSLContextParameters(global);
    CamlistoreComponent component = context.getComponent("camlistore", CamlistoreComponent.class);

    assertThat(
            endpoint("camlistore:get?serverUrl=https://h/")
                .getConfiguration()
                .getSslContextParameters())
        .isNull();
    component.setUseGlobalSslContextParameters(true);
    assertThat(component.isUseGlobalSslContextParameters()).isTrue();
    assertThat(
            endpoint("camlistore:put?serverUrl=https://h/")
                .getConfiguration()
                .getSslContextParameters())
        .isSameAs(global);
  }

  @Test
  void tlsOrProxyOptionsWithAGivenConnectionFailBecauseTheConnectionHasItsOwn() throws Exception {
    try (Connection conn = OperationsTestSupport.connect(server)) {
      context.getRegistry().bind("perkeep", conn);

      assertThatThrownBy(() -> context.getEndpoint("camlistore:get?proxyHost=p&proxyPort=1"))
          .rootCause()
          .hasMessageContaining("apply only when the endpoint connects to serverUrl itself");
    }
  }

  @Test
  void anUnknownOptionIsRejected() {
    assertThatThrownBy(() -> context.getEndpoint("camlistore:put?serverUrl=http://h/&bogus=1"))
        .isInstanceOf(ResolveEndpointFailedException.class)
        .hasMessageContaining("bogus");
  }

  @Test
  void onlyTheEnumerateAndQueryEndpointsConsume() {
    assertThatThrownBy(
            () -> endpoint("camlistore:put?serverUrl=http://h/").createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only camlistore:enumerate and camlistore:query can consume");
    assertThatThrownBy(
            () ->
                endpoint("camlistore:enumerate?serverUrl=http://h/&maxMessagesPerPoll=0")
                    .createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxMessagesPerPoll");
  }

  @Test
  void consumerOptionsThatAreMissingOrDoNotFitTheOperationFailWhenTheConsumerIsCreated() {
    context.getRegistry().bind("states", new MemoryStateRepository());
    context.getRegistry().bind("seen", new MemoryIdempotentRepository());
    assertThatThrownBy(
            () -> endpoint("camlistore:query?serverUrl=http://h/").createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("camlistore:query needs the expression option");
    assertThatThrownBy(
            () ->
                endpoint("camlistore:enumerate?serverUrl=http://h/&stateRepository=#states")
                    .createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stateRepository is an option of the camlistore:query consumer");
    assertThatThrownBy(
            () ->
                endpoint(
                        "camlistore:query?serverUrl=http://h/&expression=tag:a&idempotentRepository=#seen")
                    .createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idempotentRepository is an option of the camlistore:enumerate");
    assertThatThrownBy(
            () ->
                endpoint(
                        "camlistore:enumerate?serverUrl=http://h/&stateFile=a&idempotentRepository=#seen")
                    .createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("either in stateFile or in idempotentRepository");
    assertThatThrownBy(
            () ->
                endpoint(
                        "camlistore:query?serverUrl=http://h/&expression=tag:a&stateFile=a&stateRepository=#states")
                    .createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("either in stateFile or in stateRepository");
    assertThatThrownBy(
            () ->
                endpoint("camlistore:enumerate?serverUrl=http://h/&stateFile=a&cursorFile=b")
                    .createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursorFile is the former name of stateFile");
    assertThatThrownBy(
            () ->
                endpoint("camlistore:query?serverUrl=http://h/&expression=tag:a&lookback=-1")
                    .createConsumer(exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookback must not be negative");
  }

  @Test
  void theFormerCursorFileOptionNamesTheStateFile() {
    CamlistoreConsumerConfiguration options =
        endpoint("camlistore:enumerate?serverUrl=http://h/&cursorFile=/var/lib/app/cursor")
            .getConsumerConfiguration();

    assertThat(options.stateFilePath()).isEqualTo("/var/lib/app/cursor");
    assertThat(options.getStateFile()).isNull();
  }

  @Test
  void aSingleConnectionBeanIsUsedAutomaticallyAndLeftOpen() throws Exception {
    server.clearRequests();
    try (Connection conn = OperationsTestSupport.connect(server)) {
      context.getRegistry().bind("perkeep", conn);
      context.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("direct:exists").to("camlistore:exists");
            }
          });
      context.start();

      Object exists = context.createProducerTemplate().requestBody("direct:exists", HelloBlob.REF);
      Connection used = endpoint("camlistore:exists").getConfiguration().getConnection();
      context.stop();

      assertThat(exists).isEqualTo(false);
      assertThat(used).isSameAs(conn);
      // Only the test's own connect asked for discovery, and the bean still works.
      assertThat(server.requests()).filteredOn(request -> request.path().equals("/")).hasSize(1);
      assertThat(conn.blobs().blobExists(BlobRef.parse(HelloBlob.REF))).isFalse();
    }
  }
}
