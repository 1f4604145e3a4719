package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlTimeoutException;
import ai.bctrl.errors.InternalServerException;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The total timeout, on the delayer's clock: a wait moves the clock by what it asked for plus
 * {@code lateByNanos}, so that a retry lands exactly where a test puts it, with no wall-clock
 * window.
 */
@Timeout(20)
class DeadlineTest extends MockServerTest {
  private static MockResponse unavailableForMillis(int millis) {
    return json(503, "{\"code\":\"busy\",\"error\":\"busy\"}")
        .setHeader("Retry-After-Ms", Integer.toString(millis));
  }

  private Throwable call(boolean async, RequestOptions options) throws InterruptedException {
    if (!async) {
      return catchThrowable(
          () -> client.runs().listInvocations("r", ListInvocationsParams.none(), options));
    }
    try {
      client
          .runs()
          .listInvocationsAsync("r", ListInvocationsParams.none(), options)
          .get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the future did not complete", e);
    }
  }

  /**
   * A retry due exactly at, or just past, the deadline, on a clock that moves only by the waits:
   * the real time an attempt takes does not move it.
   */
  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aRetryDueAtOrPastTheDeadlineEndsWithATimeoutCausedByTheLastFailure(boolean async)
      throws Exception {
    delayer.frozen = true;
    for (long lateByNanos : new long[] {0, 1, 1_000_000, 2_000_000_000L}) {
      server.enqueue(unavailableForMillis(5_000));
      server.enqueue(page(0, 1, null));
      // The wait asks for 5 s of the 10; oversleeping by 5 s lands the retry on the deadline.
      delayer.lateByNanos = 5_000_000_000L + lateByNanos;

      Throwable failure =
          call(async, RequestOptions.builder().totalTimeout(Duration.ofSeconds(10)).build());

      assertThat(failure)
          .as("late by %d ns", lateByNanos)
          .isInstanceOf(BctrlTimeoutException.class)
          .hasMessageContaining("reached its total timeout of 10 s")
          .hasCauseInstanceOf(InternalServerException.class);
      assertThat(((BctrlException) failure).attempts()).isEqualTo(1);
      assertThat(server.takeRequest().getHeader("X-Bctrl-Retry-Count")).isNull();
      server.setDispatcher(new okhttp3.mockwebserver.QueueDispatcher()); // Drops the unused page.
    }
    assertThat(server.getRequestCount()).as("no retry was sent").isEqualTo(4);
  }

  /** A retry begun 1.5 s, or 1 ns, before the deadline: sent, and bound by what was left. */
  @ParameterizedTest(name = "async={0}, late by {1} ns")
  @CsvSource({"false, 3500000000", "true, 3500000000", "false, 4999999999", "true, 4999999999"})
  void aRetryGetsOnlyWhatIsLeftOfTheTotalTimeout(boolean async, long lateByNanos) throws Exception {
    delayer.frozen = true;
    server.enqueue(unavailableForMillis(5_000));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    // The wait asks for 5 s of the 10; its own timeout is the default 60 s.
    delayer.lateByNanos = lateByNanos;

    Throwable failure =
        call(async, RequestOptions.builder().totalTimeout(Duration.ofSeconds(10)).build());

    assertThat(failure)
        .isInstanceOf(BctrlTimeoutException.class)
        .hasMessageContaining("reached its total timeout of 10 s after 2 attempts");
    assertThat(((BctrlException) failure).attempts()).isEqualTo(2);
    if (lateByNanos == 3_500_000_000L) {
      // With 1 ns left the request may time out before it is written.
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void aWaitThatWouldCrossTheDeadlineEndsTheCallAtOnceWithTheLastFailure() throws Exception {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "5"));
    server.enqueue(page(0, 1, null));

    Throwable failure =
        call(false, RequestOptions.builder().totalTimeout(Duration.ofSeconds(2)).build());

    assertThat(failure).isInstanceOf(InternalServerException.class);
    assertThat(((BctrlException) failure).attempts()).isEqualTo(1);
    assertThat(delayer.waits).as("nothing waited").isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anAttemptInFlightAtTheDeadlineEndsWithATimeout() throws Exception {
    server.enqueue(unavailableForMillis(1_000));
    server.enqueue(unavailableForMillis(1_000));
    // Each wait is 1 s asked and 4 s spent: the third attempt starts 8 s into 10, and gets no
    // answer for the 2 s (less the real time of two attempts) that are left.
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    delayer.lateByNanos = 3_000_000_000L;

    Throwable failure =
        call(
            false,
            RequestOptions.builder().maxRetries(10).totalTimeout(Duration.ofSeconds(10)).build());

    assertThat(failure)
        .isInstanceOf(BctrlTimeoutException.class)
        .hasMessageContaining("reached its total timeout of 10 s after 3 attempts");
    assertThat(((BctrlException) failure).attempts()).isEqualTo(3);
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void durationsTooLongToCountMeanNoLimit(boolean async) throws Exception {
    Duration[] longest = {
      Duration.ofSeconds(Long.MAX_VALUE), ChronoUnit.FOREVER.getDuration(), Duration.ofDays(30)
    };
    for (Duration duration : longest) {
      server.enqueue(unavailableForMillis(1));
      server.enqueue(page(0, 1, null));
      RequestOptions options =
          RequestOptions.builder().timeout(duration).totalTimeout(duration).build();

      assertThat(call(async, options)).as("%s", duration).isNull();
    }
    try (BctrlClient forever =
        TestClients.builder(server, delayer)
            .timeout(ChronoUnit.FOREVER.getDuration())
            .connectTimeout(ChronoUnit.FOREVER.getDuration())
            .totalTimeout(Duration.ofSeconds(Long.MAX_VALUE))
            .build()) {
      server.enqueue(page(0, 1, null));
      CursorPage<InvocationSummary> page =
          async
              ? forever.runs().listInvocationsAsync("r").get(5, TimeUnit.SECONDS)
              : forever.runs().listInvocations("r");
      assertThat(page.data()).hasSize(1);
    }
  }
}
