package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlTimeoutException;
import ai.bctrl.errors.NotFoundException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failure says where it went (host and port, or the path the server answered) and how long. */
@Timeout(20)
class FailureMessagesTest extends MockServerTest {

  @Test
  void anHttpsBaseUrlOnAPortThatNeverAnswersEndsAtTheConnectTimeoutNamingHostAndScheme()
      throws Exception {
    try (SilentServer silent = new SilentServer()) {
      String https = "https://127.0.0.1:" + silent.port() + "/";
      try (BctrlClient wrongScheme =
          TestClients.builder(server, delayer)
              .baseUrl(https)
              .connectTimeout(Duration.ofMillis(300))
              .build()) {
        Throwable failure = catchThrowable(() -> wrongScheme.runs().listInvocations("r"));

        assertThat(failure)
            .isInstanceOf(BctrlTimeoutException.class)
            .hasMessageContaining("127.0.0.1:" + silent.port())
            .hasMessageContaining("connect timeout of 300 ms")
            .hasMessageContaining("http://");
        assertThat(((BctrlException) failure).attempts()).as("not retried").isEqualTo(1);
        assertThat(delayer.waits).isEmpty();
      }
    }
  }

  @Test
  void aConnectionFailureNamesHostAndPort() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = free.getLocalPort();
    }
    try (BctrlClient refused =
        TestClients.builder(server, delayer)
            .baseUrl("http://127.0.0.1:" + closedPort + "/")
            .maxRetries(0)
            .build()) {
      Throwable failure = catchThrowable(() -> refused.runs().listInvocations("r"));

      assertThat(failure)
          .isInstanceOf(BctrlConnectionException.class)
          .hasMessageStartingWith("GET /v1/runs/r/invocations to 127.0.0.1:" + closedPort);
    }
  }

  @Test
  void anAttemptTimeoutSaysWhichTimeoutFired() {
    server.enqueue(Fixtures.page(0, 1, null).setHeadersDelay(2, TimeUnit.SECONDS));

    Throwable failure =
        catchThrowable(
            () ->
                listWith(
                    RequestOptions.builder()
                        .timeout(Duration.ofMillis(200))
                        .maxRetries(0)
                        .build()));

    assertThat(failure)
        .isInstanceOf(BctrlTimeoutException.class)
        .hasMessage(
            "GET /v1/runs/r/invocations to "
                + server.getHostName()
                + ":"
                + server.getPort()
                + " timed out: no response within the timeout of 200 ms");
  }

  @Test
  void anApiErrorNamesThePathTheServerAnswered() {
    server.enqueue(
        Fixtures.error(404, "route.not_found", "No such route.", "req_1")
            .setHeader("Content-Type", "application/json"));
    try (BctrlClient doubled =
        TestClients.builder(server, delayer).baseUrl(server.url("/v1").toString()).build()) {
      Throwable failure = catchThrowable(() -> doubled.runs().listInvocations("demo-run"));

      assertThat(failure)
          .isInstanceOf(NotFoundException.class)
          .hasMessageStartingWith("GET /v1/v1/runs/demo-run/invocations: 404 route.not_found");
    }
  }
}
