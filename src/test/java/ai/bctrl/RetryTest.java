package ai.bctrl;

import static ai.bctrl.Fixtures.error;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlTimeoutException;
import ai.bctrl.errors.InternalServerException;
import ai.bctrl.errors.RateLimitException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest extends MockServerTest {

  private static MockResponse status(int code) {
    return new MockResponse().setResponseCode(code).setBody("{\"code\":\"x\",\"error\":\"e\"}");
  }

  @ParameterizedTest
  @ValueSource(ints = {409, 429, 500, 502, 503, 504})
  void retriesTransientStatusesThenSucceeds(int code) throws Exception {
    server.enqueue(status(code));
    server.enqueue(page(0, 1, null));

    assertThat(client.runs().listInvocations("r").data()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void doesNotRetryTheCallersErrors(int code) {
    server.enqueue(status(code));
    server.enqueue(page(0, 1, null));

    BctrlApiException failure =
        catchThrowableOfType(BctrlApiException.class, () -> client.runs().listInvocations("r"));

    assertThat(failure.statusCode()).isEqualTo(code);
    assertThat(failure.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(delayer.waits).isEmpty();
  }

  @Test
  void eachRetryCarriesItsCountAndBacksOffExponentially() throws Exception {
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(page(0, 1, null));

    client.runs().listInvocations("r");

    assertThat(server.takeRequest().getHeader("X-Bctrl-Retry-Count")).isNull();
    assertThat(server.takeRequest().getHeader("X-Bctrl-Retry-Count")).isEqualTo("1");
    assertThat(server.takeRequest().getHeader("X-Bctrl-Retry-Count")).isEqualTo("2");
    assertThat(delayer.waits).hasSize(2);
    assertThat(delayer.waits.get(0)).isBetween(375L, 500L);
    assertThat(delayer.waits.get(1)).isBetween(750L, 1000L);
  }

  @Test
  void retriesRunOutWithTheStatusExceptionNamingTheAttempts() {
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(status(503));

    InternalServerException failure =
        catchThrowableOfType(
            InternalServerException.class, () -> client.runs().listInvocations("r"));

    assertThat(failure.attempts()).isEqualTo(3);
    assertThat(failure.getMessage()).contains("after 3 attempts");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void honoursRetryAfterSeconds() {
    server.enqueue(status(429).setHeader("Retry-After", "3"));
    server.enqueue(page(0, 0, null));

    client.runs().listInvocations("r");

    assertThat(delayer.waits).containsExactly(3000L);
  }

  @Test
  void honoursRetryAfterMsOverRetryAfter() {
    server.enqueue(status(429).setHeader("Retry-After-Ms", "150").setHeader("Retry-After", "9"));
    server.enqueue(page(0, 0, null));

    client.runs().listInvocations("r");

    assertThat(delayer.waits).containsExactly(150L);
  }

  @Test
  void honoursRetryAfterAsHttpDate() {
    String inTenSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
    server.enqueue(status(503).setHeader("Retry-After", inTenSeconds));
    server.enqueue(page(0, 0, null));

    client.runs().listInvocations("r");

    assertThat(delayer.waits).hasSize(1);
    assertThat(delayer.waits.get(0)).isBetween(8_000L, 10_000L);
  }

  @Test
  void retryAfterAboveTheCapThrowsAtOnceAndSaysHowLong() {
    server.enqueue(status(429).setHeader("Retry-After", "120"));
    server.enqueue(page(0, 0, null));

    RateLimitException failure =
        catchThrowableOfType(RateLimitException.class, () -> client.runs().listInvocations("r"));

    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(failure.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(delayer.waits).isEmpty();
  }

  @Test
  void perRequestMaxRetriesOverridesTheClient() {
    server.enqueue(status(503));
    server.enqueue(page(0, 0, null));

    assertThatThrownBy(() -> listWith(RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(InternalServerException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesAConnectionDroppedBeforeTheResponse() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(page(0, 2, null));

    assertThat(client.runs().listInvocations("r").data()).hasSize(2);
  }

  @Test
  void retriesAConnectionDroppedMidBody() {
    server.enqueue(page(0, 50, null).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(page(0, 50, null));

    assertThat(client.runs().listInvocations("r").data()).hasSize(50);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void connectionFailuresThatOutlastRetriesThrowConnectionException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    }

    BctrlConnectionException failure =
        catchThrowableOfType(
            BctrlConnectionException.class, () -> client.runs().listInvocations("r"));

    assertThat(failure).isNotInstanceOf(BctrlTimeoutException.class);
    assertThat(failure.attempts()).isEqualTo(3);
    assertThat(failure.getMessage()).contains("GET /v1/runs/r/invocations", "after 3 attempts");
  }

  @Test
  void noResponseWithinTheTimeoutIsATimeoutException() {
    // Answers well within the default timeout, but not within the call's.
    server.enqueue(page(0, 1, null).setHeadersDelay(2, TimeUnit.SECONDS));

    assertThatThrownBy(
            () ->
                listWith(
                    RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build()))
        .isInstanceOf(BctrlTimeoutException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void aTimedOutAttemptIsRetried() {
    server.enqueue(page(0, 1, null).setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(page(0, 1, null));

    assertThat(listWith(RequestOptions.builder().timeout(Duration.ofMillis(300)).build()).data())
        .hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void builderTimeoutAppliesPerAttempt() throws Exception {
    server.enqueue(page(0, 0, null).setBodyDelay(2, TimeUnit.SECONDS));
    try (BctrlClient quick =
        TestClients.builder(server, delayer)
            .timeout(Duration.ofMillis(200))
            .maxRetries(0)
            .build()) {
      assertThatThrownBy(() -> quick.runs().listInvocations("r"))
          .isInstanceOf(BctrlTimeoutException.class);
    }
  }

  @Test
  void aCallersOkHttpClientKeepsTheSdksTimeoutNotItsOwn() throws Exception {
    // The caller's client would give up after 50 ms; the SDK's timeout (default 60 s) applies.
    okhttp3.OkHttpClient impatient =
        new okhttp3.OkHttpClient.Builder()
            .callTimeout(java.time.Duration.ofMillis(50))
            .readTimeout(java.time.Duration.ofMillis(50))
            .build();
    server.enqueue(page(0, 1, null).setHeadersDelay(300, TimeUnit.MILLISECONDS));
    try (BctrlClient patient = TestClients.builder(server).okHttpClient(impatient).build()) {
      assertThat(patient.runs().listInvocations("r").data()).hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCallersOkHttpClientWithoutTimeoutsGetsTheSdksTimeout() throws Exception {
    server.enqueue(page(0, 1, null).setHeadersDelay(2, TimeUnit.SECONDS));
    try (BctrlClient bounded =
        TestClients.builder(server)
            .okHttpClient(
                new okhttp3.OkHttpClient.Builder().readTimeout(java.time.Duration.ZERO).build())
            .timeout(Duration.ofMillis(200))
            .maxRetries(0)
            .build()) {
      assertThatThrownBy(() -> bounded.runs().listInvocations("r"))
          .isInstanceOf(BctrlTimeoutException.class);
    }
  }

  @Test
  void notFoundCarriesTheServersWordsAndNoRetry() {
    server.enqueue(error(404, "run.not_found", "Run r not found", "req_9"));

    BctrlApiException failure =
        catchThrowableOfType(BctrlApiException.class, () -> client.runs().listInvocations("r"));

    assertThat(failure.getMessage())
        .isEqualTo(
            "GET /v1/runs/r/invocations: 404 run.not_found: Run r not found (request req_9)");
  }
}
