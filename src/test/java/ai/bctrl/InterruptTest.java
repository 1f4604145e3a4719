package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An interrupted sync call stops within a second with the "interrupted" exception, keeps the flag
 * and retries nothing, whatever the caller's code does around it.
 */
@Timeout(20)
class InterruptTest extends MockServerTest {

  /** Hears retries, so that a test can say none was scheduled. */
  static final class Retries implements RequestListener {
    final List<String> reasons = new CopyOnWriteArrayList<>();

    @Override
    public void retryScheduled(Attempt attempt, Duration delay, String reason) {
      reasons.add(reason);
    }
  }

  @Test
  void anInterruptWhileTheResponseArrivesIsAnInterruptNotATimeout() throws Exception {
    // Headers at once, then the body a few bytes at a time for seconds.
    server.enqueue(page(0, 50, null).throttleBody(64, 100, TimeUnit.MILLISECONDS));
    server.enqueue(page(0, 1, null));
    CountDownLatch headersArrived = new CountDownLatch(1);
    OkHttpClient watched =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void responseHeadersEnd(Call call, okhttp3.Response response) {
                    headersArrived.countDown();
                  }
                })
            .build();
    Retries retries = new Retries();
    try (BctrlClient reading =
        TestClients.builder(server, delayer)
            .okHttpClient(watched)
            .requestListener(retries)
            .build()) {
      Caller caller = new Caller(() -> reading.runs().listInvocations("r"));
      assertThat(headersArrived.await(5, TimeUnit.SECONDS)).isTrue();

      caller.interruptAndJoin();

      caller.assertInterrupted();
      assertThat(retries.reasons).as("nothing retried").isEmpty();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptStopsACallWhoseOkHttpEventListenerThrowsOnCancel() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    OkHttpClient throwing = TestClients.throwingOnCancel();
    try (BctrlClient careless =
        TestClients.builder(server, delayer).okHttpClient(throwing).build()) {
      // Twice: the first throwing callback must not stop the watch of the next call.
      for (int call = 0; call < 2; call++) {
        Caller caller = new Caller(() -> careless.runs().listInvocations("r"));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

        caller.interruptAndJoin();

        caller.assertInterrupted();
      }
    }
  }

  @Test
  void aSyncCallMadeInsideAListenerLeavesTheOuterCallInterruptible() throws Exception {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "0")); // outer, attempt 1
    server.enqueue(page(0, 1, null)); // the nested call
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)); // outer, 2
    AtomicReference<BctrlClient> self = new AtomicReference<>();
    AtomicBoolean nested = new AtomicBoolean();
    RequestListener callsFromTheCallback =
        new RequestListener() {
          @Override
          public void responseReceived(
              Attempt attempt, int statusCode, Duration duration, Optional<String> requestId) {
            if (statusCode == 503 && nested.compareAndSet(false, true)) {
              self.get().runs().listInvocations("nested");
            }
          }
        };
    try (BctrlClient listening =
        TestClients.builder(server, delayer).requestListener(callsFromTheCallback).build()) {
      self.set(listening);
      Caller caller = new Caller(() -> listening.runs().listInvocations("r"));
      for (int request = 0; request < 3; request++) {
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
      }

      caller.interruptAndJoin();

      caller.assertInterrupted();
      assertThat(nested).isTrue();
    }
  }

  @Test
  void aCallOnAnInterruptedThreadSendsNothing() throws Exception {
    Caller caller =
        new Caller(
            () -> {
              Thread.currentThread().interrupt();
              client.runs().listInvocations("r");
            });
    caller.thread.join(5_000);

    caller.assertInterrupted();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void afterEveryClientIsClosedNoSdkThreadIsAlive() throws Exception {
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    server.setDispatcher(
        new okhttp3.mockwebserver.Dispatcher() {
          private final java.util.concurrent.atomic.AtomicInteger count =
              new java.util.concurrent.atomic.AtomicInteger();

          @Override
          public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
            // Every other request a 503 to retry after 1 ms, so that retries are scheduled.
            return count.incrementAndGet() % 2 == 1
                ? json(503, "{}").setHeader("Retry-After-Ms", "1")
                : page(0, 1, null);
          }
        });
    for (int i = 0; i < 3; i++) {
      try (BctrlClient real =
          TestClients.builderWithDelayer(server, new ai.bctrl.internal.SystemDelayer()).build()) {
        real.runs().listInvocations("r");
        real.runs().listInvocationsAsync("r").get(5, TimeUnit.SECONDS);
      }
    }

    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(thread) && thread.getName().startsWith("bctrl-")) {
        thread.join(2_000);
        assertThat(thread.isAlive()).as("%s ended within 2 s of close()", thread).isFalse();
      }
    }
  }
}
