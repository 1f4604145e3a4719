package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.AuthenticationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input that would break a request or leak a secret is refused before anything is sent. */
@Timeout(10)
class InputRefusalTest extends MockServerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length",
        "transfer-encoding",
        "Host",
        "Connection",
        "Accept-Encoding",
        "Authorization"
      })
  void headersTheSdkOrHttpOwnAreRefused(String name) {
    assertThatThrownBy(() -> RequestOptions.builder().header(name, "5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }

  @Test
  void anAuthorizationHeaderPointsAtThePerCallKey() {
    assertThatThrownBy(() -> RequestOptions.builder().header("Authorization", "Bearer x"))
        .hasMessageContaining("apiKey(");
  }

  @Test
  void anInvalidHeaderNameIsNotEchoed() {
    String name = "Authorization: Bearer " + TestClients.API_KEY + "\r\nX";
    Throwable failure = catchThrowable(() -> RequestOptions.builder().header(name, "v"));
    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
    assertThat(failure.getMessage()).doesNotContain(TestClients.API_KEY).doesNotContain("\r");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8787/?cursor=X",
        "http://localhost:8787/#frag",
        "http://user:pw-secret@localhost:8787/"
      })
  void baseUrlsWithAQueryFragmentOrUserinfoAreRefused(String url) {
    Throwable failure = catchThrowable(() -> BctrlClient.builder().baseUrl(url));
    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
    assertThat(failure.getMessage()).doesNotContain("pw-secret");
  }

  @Test
  void aNullBaseUrlSaysItIsNull() {
    assertThatThrownBy(() -> BctrlClient.builder().baseUrl(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl == null");
    assertThatThrownBy(() -> BctrlClient.builder().baseUrl("ftp://example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl is not an http or https URL");
  }

  @Test
  void aNullActionOrExecutorForAnAsyncWalkThrowsAtOnceAndFetchesNothing() {
    server.enqueue(page(0, 1, "c1"));
    ai.bctrl.pagination.CursorPage<ai.bctrl.models.InvocationSummary> first =
        client.runs().listInvocations("r");

    assertThatThrownBy(() -> first.forEachAsync(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action == null");
    assertThatThrownBy(() -> first.forEachAsync(null, Runnable::run))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action == null");
    assertThatThrownBy(() -> first.forEachAsync(invocation -> {}, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("executor == null");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void loopbackIsLocalhostAnd127AndColonColon1NothingBySuffix() {
    for (String remote :
        new String[] {
          "http://evil.localhost:8787/",
          "http://localhost.example:1/",
          "http://127.0.0.1.example:1/"
        }) {
      assertThatThrownBy(
              () ->
                  TestClients.builderWithEnv(java.util.Collections.<String, String>emptyMap())
                      .apiKey("k")
                      .baseUrl(remote)
                      .build())
          .as(remote)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain http");
    }
    // Any case, and IPv6 written out in full: what OkHttp's canonical host makes of them counts.
    for (String ok :
        new String[] {
          "http://localhost:1/",
          "http://LocalHost:1/",
          "http://127.0.0.2:1/",
          "http://[::1]:1/",
          "http://[0:0:0:0:0:0:0:1]:1/"
        }) {
      TestClients.builderWithEnv(java.util.Collections.<String, String>emptyMap())
          .apiKey("k")
          .baseUrl(ok)
          .build()
          .close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "-5", "0x1p-2", "1e3", "2.5"})
  void aRetryAfterThatIsNotDigitsOrADateIsIgnored(String retryAfter) {
    server.enqueue(json(503, "{}").setHeader("Retry-After", retryAfter));
    server.enqueue(page(0, 1, null));

    client.runs().listInvocations("r");

    // The normal first backoff: 0.5 s less up to a quarter of jitter.
    assertThat(delayer.waits).hasSize(1);
    assertThat(delayer.waits.get(0)).isBetween(375L, 500L);
  }

  @Test
  void aRetryAfterMsThatIsNotANonNegativeNumberIsIgnored() {
    server.enqueue(json(503, "{}").setHeader("Retry-After-Ms", "-20"));
    server.enqueue(page(0, 1, null));

    client.runs().listInvocations("r");

    assertThat(delayer.waits.get(0)).isBetween(375L, 500L);
  }

  @Test
  void retryAfterSecondsAndMillisAreHonoured() {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "2"));
    server.enqueue(json(503, "{}").setHeader("Retry-After-Ms", "150.5"));
    server.enqueue(page(0, 1, null));

    client.runs().listInvocations("r");

    assertThat(delayer.waits).containsExactly(2000L, 150L);
  }

  @Test
  void semicolonAndEqualsInARunIdArePercentEncoded() throws Exception {
    server.enqueue(page(0, 1, null));

    client.runs().listInvocations("a;b=c");

    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/runs/a%3Bb%3Dc/invocations");
  }

  // 9. Secrets a server echoes.

  @Test
  void aKeyTheServerEchoesIsScrubbedFromTheMessageTheBodyAndTheErrorResponse() {
    String echo = "Invalid API key: Bearer " + TestClients.API_KEY;
    server.enqueue(json(401, "{\"code\":\"auth.invalid\",\"error\":\"" + echo + "\"}"));
    server.enqueue(
        new okhttp3.mockwebserver.MockResponse()
            .setResponseCode(403)
            .setBody("<html>forbidden for " + TestClients.API_KEY + "</html>"));

    Throwable json401 = catchThrowable(() -> client.runs().listInvocations("r"));
    Throwable html403 = catchThrowable(() -> client.runs().listInvocations("r"));

    assertThat(json401).isInstanceOf(AuthenticationException.class);
    assertThat(json401.getMessage()).doesNotContain(TestClients.API_KEY).contains("[redacted]");
    assertThat(((AuthenticationException) json401).rawBody())
        .doesNotContain(TestClients.API_KEY)
        .contains("Bearer [redacted]");
    assertThat(((AuthenticationException) json401).errorResponse().get().error())
        .doesNotContain(TestClients.API_KEY);
    assertThat(html403.getMessage()).doesNotContain(TestClients.API_KEY).contains("[redacted]");
  }

  @Test
  void aPerCallKeyTheServerEchoesIsScrubbedToo() throws Exception {
    String tenantKey = "tenant-key-0123456789";
    server.enqueue(json(401, "{\"code\":\"auth.invalid\",\"error\":\"bad " + tenantKey + "\"}"));

    Throwable failure =
        catchThrowable(() -> listWith(RequestOptions.builder().apiKey(tenantKey).build()));

    assertThat(failure.getMessage()).doesNotContain(tenantKey);
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeader("Authorization"))
        .isEqualTo("Bearer " + tenantKey);
  }
}
