package ai.bctrl;

import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each attempt's log line says how the attempt ended, for the endings without a response too. */
@Timeout(20)
class AttemptLogTest extends LoggedServerTest {

  @Test
  void anAttemptEndedByAThrowingInterceptorIsLoggedWithWhatItThrewAndNotRetried() {
    OkHttpClient throwing =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  throw new IllegalStateException("boom");
                })
            .build();
    try (BctrlClient client =
        TestClients.builder(server).okHttpClient(throwing).logLevel(LogLevel.INFO).build()) {
      catchThrowable(() -> client.runs().listInvocations("r"));
    }

    assertThat(logText())
        .contains("/v1/runs/r/invocations -> failed: java.lang.IllegalStateException: boom in ")
        .contains("(attempt 1 of 3)")
        .doesNotContain("retrying")
        .doesNotContain("attempt 2");
  }

  @Test
  void aConnectionFailureIsLoggedWithTheWaitBeforeTheRetry() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(page(0, 1, null));
    try (BctrlClient client = TestClients.builder(server).logLevel(LogLevel.INFO).build()) {
      client.runs().listInvocations("r");
    }

    assertThat(logText())
        .containsPattern(
            "-> connection failed in \\d+ ms \\(attempt 1 of 3\\); retrying in \\d+ ms")
        .contains("-> 200 in ")
        .contains("(attempt 2 of 3)");
  }

  @Test
  void anAttemptThatCannotConnectIsLoggedAsAConnectTimeout() throws Exception {
    try (SilentServer silent = new SilentServer();
        BctrlClient client =
            TestClients.builder(server)
                .baseUrl("https://127.0.0.1:" + silent.port() + "/")
                .connectTimeout(Duration.ofMillis(200))
                .logLevel(LogLevel.INFO)
                .build()) {
      catchThrowable(() -> client.runs().listInvocations("r"));
    }

    assertThat(logText())
        .contains("/v1/runs/r/invocations -> connect timed out in ")
        .contains("(attempt 1 of 3)")
        .doesNotContain("retrying");
  }
}
