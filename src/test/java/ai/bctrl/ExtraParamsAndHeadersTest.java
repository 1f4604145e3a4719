package ai.bctrl;

import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.runs.ListInvocationsParams;
import java.util.Arrays;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Query parameters the SDK predates ({@code RequestOptions.Builder.queryParam}) and headers for
 * every call of a client ({@code BctrlClient.Builder.header}): sent as given; the names the SDK
 * owns refused when the options or the client are built.
 */
@Timeout(10)
class ExtraParamsAndHeadersTest extends LoggedServerTest {
  // With characters a URL's query percent-encodes, so that a logged URL shows it encoded.
  private static final String KEY = "bk_live_0123456789/abcdef+ghij=klmnop";

  private RecordedRequest take() throws InterruptedException {
    return Fixtures.received(server);
  }

  @Test
  void extraQueryParametersReachEveryPageOfAWalkAsGiven() throws Exception {
    server.enqueue(page(0, 1, "c1"));
    server.enqueue(page(1, 1, null));
    RequestOptions options =
        RequestOptions.builder()
            .queryParam("include", "steps & more")
            .queryParam("Region", "eu")
            .queryParam("include", "logs")
            .build();
    try (BctrlClient client = TestClients.builder(server).build()) {
      int seen = 0;
      for (InvocationSummary ignored :
          client
              .runs()
              .listInvocations(
                  "r",
                  ListInvocationsParams.builder().status(InvocationStatus.FAILED).build(),
                  options)) {
        seen++;
      }
      assertThat(seen).isEqualTo(2);
    }

    assertThat(take().getPath())
        .isEqualTo(
            "/v1/runs/r/invocations?status=failed&include=steps%20%26%20more&include=logs&Region=eu");
    RecordedRequest second = take();
    assertThat(second.getRequestUrl().queryParameterValues("include"))
        .containsExactly("steps & more", "logs");
    assertThat(second.getRequestUrl().queryParameter("cursor")).isEqualTo("c1");
    assertThat(second.getPath()).endsWith("&Region=eu&cursor=c1");
  }

  @Test
  void aClientHeaderIsSentOnEveryCallAndACallsOwnHeaderWins() throws Exception {
    server.enqueue(page(0, 0, null));
    server.enqueue(page(0, 0, null));
    try (BctrlClient client =
        TestClients.builder(server)
            .header("X-Tenant", "t1")
            .header("X-Team", "a")
            .header("X-Team", "b")
            .build()) {
      client.runs().listInvocations("r");
      client
          .runs()
          .listInvocations(
              "r",
              ListInvocationsParams.none(),
              RequestOptions.builder().header("x-tenant", "t2").build());
    }

    RecordedRequest first = take();
    assertThat(first.getHeaders().values("X-Tenant")).containsExactly("t1");
    assertThat(first.getHeaders().values("X-Team")).containsExactly("b");
    RecordedRequest second = take();
    assertThat(second.getHeaders().values("X-Tenant")).containsExactly("t2");
    assertThat(second.getHeaders().values("X-Team")).containsExactly("b");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Authorization",
        "User-Agent",
        "accept",
        "Accept-Encoding",
        "X-Bctrl-Retry-Count",
        "Host",
        "Content-Length",
        "Transfer-Encoding",
        "Connection"
      })
  void headersTheSdkOwnsAreRefusedForACallAndForAClient(String name) {
    assertThatThrownBy(() -> TestClients.builder(server).header(name, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
    assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cursor", "limit", "status", "action", "LIMIT", "Status"})
  void queryParametersTheSdkSetsAreRefused(String name) {
    assertThatThrownBy(() -> RequestOptions.builder().queryParam(name, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the query parameter "
                + name
                + " is the SDK's: set it with the method's params (ListInvocationsParams)");
  }

  @Test
  void anEmptyNameOrANullValueIsRefused() {
    assertThatThrownBy(() -> RequestOptions.builder().queryParam("", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query parameter name is empty");
    assertThatThrownBy(() -> RequestOptions.builder().queryParam(null, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query parameter name is empty");
    assertThatThrownBy(() -> RequestOptions.builder().queryParam("q", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of query parameter q == null");
    assertThatThrownBy(() -> TestClients.builder(server).header("X-A", "a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of header X-A contains a line break or a non-ASCII character");
  }

  @Test
  void optionsWithQueryParametersCompareAndPrintByNamesOnly() {
    RequestOptions options =
        RequestOptions.builder().queryParam("a", "1").queryParam("a", KEY).build();

    assertThat(options.queryParams()).containsExactly(entry("a", Arrays.asList("1", KEY)));
    assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
    assertThat(options.toBuilder().queryParam("a", "3").build().queryParams().get("a"))
        .containsExactly("1", KEY, "3");
    assertThat(options.queryParams().get("a")).hasSize(2);
    assertThat(options).isNotEqualTo(RequestOptions.builder().queryParam("a", "1").build());
    assertThat(options.toString()).contains("queryParams=[a]").doesNotContain(KEY);
    assertThat(options.equals(options)).isTrue();
    assertThat(options.equals("a")).isFalse();
    assertThat(options.hashCode())
        .isNotEqualTo(RequestOptions.builder().queryParam("a", "1").build().hashCode());
    assertThatThrownBy(() -> options.queryParams().get("a").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aDerivedCopyKeepsEveryOptionAndPrintsTheKeyOnlyAsSet() {
    RequestOptions options =
        RequestOptions.builder()
            .header("X-A", "1")
            .queryParam("q", "2")
            .maxRetries(1)
            .timeout(java.time.Duration.ofSeconds(3))
            .totalTimeout(java.time.Duration.ofSeconds(9))
            .build();
    RequestOptions copy = options.toBuilder().build();

    assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options);
    assertThat(copy.headers()).containsExactly(new java.util.AbstractMap.SimpleEntry<>("X-A", "1"));
    assertThat(copy.toString())
        .isEqualTo(
            "RequestOptions{timeout=PT3S, totalTimeout=PT9S, maxRetries=1, apiKey=null,"
                + " headers=[X-A], queryParams=[q]}");
    assertThat(options.toBuilder().apiKey(KEY).build().toString())
        .contains("apiKey=[set]")
        .doesNotContain(KEY);
  }

  @Test
  void aHeaderOrParameterEqualToTheKeyIsNeverLogged() throws Exception {
    server.enqueue(page(0, 0, null));
    try (BctrlClient client =
        TestClients.builder(server)
            .apiKey(KEY)
            .header("X-Api-Key", KEY)
            .logLevel(LogLevel.DEBUG)
            .build()) {
      client
          .runs()
          .listInvocations(
              "r",
              ListInvocationsParams.none(),
              RequestOptions.builder().queryParam("k", KEY).build());
    }

    RecordedRequest request = take();
    assertThat(request.getHeader("X-Api-Key")).isEqualTo(KEY);
    assertThat(request.getRequestUrl().queryParameter("k")).isEqualTo(KEY);
    assertThat(logText())
        .contains("?k=[redacted]")
        .contains("X-Api-Key=[redacted]")
        .doesNotContain("0123456789");
  }

  @Test
  void theClientsKeyInAClientHeaderIsNeverLoggedWhenACallUsesItsOwnKey() throws Exception {
    server.enqueue(page(0, 0, null));
    String callKey = "sk_call_abcdefghijklmnop";
    try (BctrlClient client =
        TestClients.builder(server)
            .apiKey(KEY)
            .header("X-Forwarded-Key", KEY)
            .logLevel(LogLevel.DEBUG)
            .build()) {
      client
          .runs()
          .listInvocations(
              "r", ListInvocationsParams.none(), RequestOptions.builder().apiKey(callKey).build());
    }

    RecordedRequest request = take();
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + callKey);
    assertThat(request.getHeader("X-Forwarded-Key")).isEqualTo(KEY);
    assertThat(logText()).contains("X-Forwarded-Key=").doesNotContain(KEY).doesNotContain(callKey);
  }

  private static java.util.Map.Entry<String, java.util.List<String>> entry(
      String key, java.util.List<String> value) {
    return new java.util.AbstractMap.SimpleEntry<>(key, value);
  }
}
