package ai.bctrl;

import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class SecurityTest extends LoggedServerTest {

  @Test
  void debugLogShowsEachAttemptWithAuthorizationRedacted() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
    server.enqueue(page(0, 1, null));
    try (BctrlClient client = TestClients.builder(server).logLevel(LogLevel.DEBUG).build()) {
      client.runs().listInvocations("run-9");
    }

    String log = logText();
    assertThat(log)
        .contains("GET " + server.url("/v1/runs/run-9/invocations") + " -> 429")
        .contains("(attempt 1 of 3); retrying in 0 ms")
        .contains("-> 200")
        .contains("(attempt 2 of 3)")
        .contains("Authorization=[redacted]")
        .doesNotContain(TestClients.API_KEY);
  }

  @Test
  void aKeyTheServerEchoesInAHeaderIsNotLogged() {
    server.enqueue(page(0, 1, null).setHeader("X-Echo", "Bearer " + TestClients.API_KEY));
    try (BctrlClient client = TestClients.builder(server).logLevel(LogLevel.DEBUG).build()) {
      client.runs().listInvocations("r");
    }

    assertThat(logText()).contains("X-Echo=Bearer [redacted]").doesNotContain(TestClients.API_KEY);
  }

  @Test
  void logLevelComesFromBctrlLog() {
    server.enqueue(page(0, 1, null));
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("BCTRL_API_KEY", TestClients.API_KEY);
    env.put("BCTRL_BASE_URL", server.url("/").toString());
    env.put("BCTRL_LOG", "info");
    try (BctrlClient client = TestClients.builderWithEnv(env).build()) {
      client.runs().listInvocations("r");
    }
    assertThat(logText()).contains("-> 200 in").doesNotContain("Authorization");
  }

  @Test
  void loggingIsOffByDefault() {
    server.enqueue(page(0, 1, null));
    try (BctrlClient client = TestClients.builder(server).build()) {
      client.runs().listInvocations("r");
    }
    assertThat(logText()).isEmpty();
  }

  @Test
  void theKeyAppearsInNoExceptionMessage() {
    server.enqueue(new MockResponse().setResponseCode(401).setBody("bad key "));
    server.enqueue(page(0, 50, null).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(new MockResponse().setBody("not json"));
    try (BctrlClient client = TestClients.builder(server).maxRetries(0).build()) {
      for (int i = 0; i < 3; i++) {
        Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));
        assertThat(failure).isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
          assertThat(String.valueOf(t.getMessage())).doesNotContain(TestClients.API_KEY);
          assertThat(t.toString()).doesNotContain(TestClients.API_KEY);
        }
      }
    }
  }

  @Test
  void aRedirectToAnotherHostDoesNotCarryTheKey() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      other.enqueue(page(0, 1, null));
      // The client talks to "localhost"; the redirect points at 127.0.0.1, another host.
      server.enqueue(
          new MockResponse()
              .setResponseCode(302)
              .setHeader("Location", other.url("/v1/runs/r/invocations").toString()));
      String localhostUrl = "http://localhost:" + server.getPort() + "/";

      try (BctrlClient client = TestClients.builder(server).baseUrl(localhostUrl).build()) {
        assertThat(client.runs().listInvocations("r").data()).hasSize(1);
      }

      RecordedRequest first = server.takeRequest();
      assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
      RecordedRequest redirected = other.takeRequest();
      assertThat(redirected.getPath()).isEqualTo("/v1/runs/r/invocations");
      assertThat(redirected.getHeader("Authorization")).isNull();
    }
  }
}
