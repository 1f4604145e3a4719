package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlConnectionException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the caller sees when a server echoes the key, or words that happen to contain it. */
class RedactionWireTest extends LoggedServerTest {
  private static final String LONG_KEY = "bk_live_0123456789abcdefghijklmnopqrstuv";

  private static String everythingWritten(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n').append(t).append('\n');
    }
    return text.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"key", "test", "k"})
  void aShortKeyLeavesTheServersMessagesUnchanged(String key) {
    server.enqueue(
        json(401, "{\"code\":\"auth.missing\",\"error\":\"the API key is missing\"}")
            .setHeader("X-Request-Id", "req_key_1"));
    server.enqueue(
        json(404, "{\"code\":\"run.not_found\",\"error\":\"Run test-run was not found\"}"));
    server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"));
    try (BctrlClient client =
        TestClients.builder(server).apiKey(key).maxRetries(0).logLevel(LogLevel.DEBUG).build()) {
      Throwable missing = catchThrowable(() -> client.runs().listInvocations("r"));
      Throwable notFound = catchThrowable(() -> client.runs().listInvocations("test-run"));
      Throwable html = catchThrowable(() -> client.runs().listInvocations("r"));

      assertThat(missing.getMessage())
          .isEqualTo(
              "GET /v1/runs/r/invocations: 401 auth.missing: the API key is missing (request req_key_1)");
      assertThat(notFound.getMessage())
          .isEqualTo(
              "GET /v1/runs/test-run/invocations: 404 run.not_found: Run test-run was not found");
      assertThat(html.getMessage()).contains("<html>bad gateway</html>");
    }
    assertThat(logText()).doesNotContain("[redacted]-").contains("/v1/runs/test-run/invocations");
  }

  @Test
  void theKeyKReachesAConnectionFailureUnchanged() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (BctrlClient client =
        new BctrlClient.Builder(name -> null)
            .apiKey("k")
            .baseUrl("http://127.0.0.1:" + closedPort)
            .maxRetries(0)
            .build()) {
      Throwable failure = catchThrowable(() -> client.runs().listInvocations("network-check"));

      assertThat(failure).isInstanceOf(BctrlConnectionException.class);
      assertThat(failure.getMessage())
          .startsWith("GET /v1/runs/network-check/invocations to 127.0.0.1:");
      assertThat(everythingWritten(failure))
          .doesNotContain("[redacted]")
          .contains("ConnectException");
    }
  }

  @Test
  void aLongKeyTheServerEchoesAppearsInNoMessageLogOrToString() {
    String echo = "Invalid API key: Bearer " + LONG_KEY + ".";
    server.enqueue(
        json(401, "{\"code\":\"auth.invalid\",\"error\":\"" + echo + "\"}")
            .setHeader("X-Echo", "Bearer " + LONG_KEY)
            .setHeader("X-Request-Id", "req-" + LONG_KEY));
    server.enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setHeader("X-Echo", LONG_KEY + "-rotated")
            .setBody("<html><p>key=" + LONG_KEY + "&amp;scope=all</p></html>"));
    server.enqueue(page(0, 1, null).setHeader("X-Echo", LONG_KEY));
    List<String> written = new ArrayList<>();
    try (BctrlClient client =
        TestClients.builder(server)
            .apiKey(LONG_KEY)
            .maxRetries(0)
            .logLevel(LogLevel.DEBUG)
            .build()) {
      written.add(client.toString());
      Throwable json401 = catchThrowable(() -> client.runs().listInvocations("r"));
      Throwable html403 = catchThrowable(() -> client.runs().listInvocations("r"));
      written.add(everythingWritten(json401));
      written.add(everythingWritten(html403));
      written.add(client.runs().listInvocations("r").toString());

      assertThat(json401.getMessage())
          .isEqualTo(
              "GET /v1/runs/r/invocations: 401 auth.invalid: Invalid API key: Bearer [redacted]."
                  + " (request [redacted])");
      assertThat(html403.getMessage()).contains("<html><p>key=[redacted]&amp;scope=all</p></html>");
      // The body the exception keeps has the key replaced too.
      assertThat(((BctrlApiException) json401).rawBody())
          .doesNotContain(LONG_KEY)
          .contains("Bearer [redacted]");
    }
    written.add(logText());

    assertThat(logText())
        .contains("X-Echo=Bearer [redacted]")
        .contains("X-Echo=[redacted]")
        .doesNotContain("rotated");
    assertThat(String.join("\n", written)).doesNotContain(LONG_KEY);
  }
}
