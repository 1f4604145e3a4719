package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlException;
import ai.bctrl.internal.SystemDelayer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SDK's own clock and waits (no test delayer): what the client reports and how it waits. */
@Timeout(20)
class RealClockTest extends MockServerTest {

  @Test
  void toStringShowsTheResolvedSettingsAndNothingElse() {
    try (BctrlClient client =
        TestClients.builder(server, delayer)
            .baseUrl("http://localhost:1/")
            .timeout(Duration.ofSeconds(7))
            .maxRetries(4)
            .logLevel(LogLevel.DEBUG)
            .build()) {
      assertThat(client.toString())
          .isEqualTo(
              "BctrlClient{baseUrl=http://localhost:1/, timeout=PT7S, maxRetries=4, logLevel=DEBUG}");
    }
  }

  @Test
  void theTotalTimeoutIsMeasuredOnTheRealClock() {
    for (int i = 0; i < 12; i++) {
      server.enqueue(json(503, "{}").setHeader("Retry-After-Ms", "100"));
    }
    try (BctrlClient client =
        TestClients.builderWithDelayer(server, new SystemDelayer())
            .maxRetries(10)
            .totalTimeout(Duration.ofMillis(300))
            .build()) {
      Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));

      assertThat(((BctrlException) failure).attempts())
          .as("waits of 100 ms stop before the 300 ms deadline, not after 10 retries")
          .isLessThan(5);
    }
  }
}
