package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.AuthenticationException;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.models.ReasonClass;
import ai.bctrl.pagination.CursorPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Response metadata, a total deadline, per-call keys, the request listener, concurrency. */
@Timeout(30)
class FeaturesTest extends MockServerTest {

  // 1. Response metadata.

  @Test
  void everyPageOfAWalkCarriesItsOwnMetadata() {
    server.enqueue(page(0, 1, "c1").setHeader("X-Request-Id", "req_1").setHeader("X-Rate", "9"));
    server.enqueue(json(503, "{}"));
    server.enqueue(
        page(1, 1, null)
            .setHeader("X-Request-Id", "req_2")
            .addHeader("X-Multi", "a")
            .addHeader("X-Multi", "b"));

    List<CursorPage<InvocationSummary>> pages = new ArrayList<>();
    client.runs().listInvocations("r").pages().forEach(pages::add);

    ResponseMetadata first = pages.get(0).response();
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.requestId()).contains("req_1");
    assertThat(first.header("x-rate")).contains("9");
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.elapsed()).isPositive();
    ResponseMetadata second = pages.get(1).response();
    assertThat(second.requestId()).contains("req_2");
    assertThat(second.attempts()).as("a 503, then the page").isEqualTo(2);
    assertThat(second.headers().get("x-multi")).containsExactly("a", "b");
    assertThatThrownBy(() -> second.headers().put("x", Collections.<String>emptyList()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void asyncPagesCarryMetadataToo() throws Exception {
    server.enqueue(json(500, "{}"));
    server.enqueue(page(0, 1, null).setHeader("X-Request-Id", "req_a"));

    CursorPage<InvocationSummary> page =
        client.runs().listInvocationsAsync("r").get(5, TimeUnit.SECONDS);

    assertThat(page.response().requestId()).contains("req_a");
    assertThat(page.response().attempts()).isEqualTo(2);
  }

  @Test
  void aPageMadeByHandHasNoMetadata() {
    CursorPage<String> page =
        CursorPage.of(
            Collections.singletonList("x"),
            null,
            null,
            new CursorPage.Fetcher<String>() {
              @Override
              public CursorPage<String> fetch(String cursor) {
                throw new AssertionError();
              }

              @Override
              public CompletableFuture<CursorPage<String>> fetchAsync(String cursor) {
                throw new AssertionError();
              }
            });
    assertThat(page.response()).isSameAs(ResponseMetadata.none());
    assertThat(page.response().attempts()).isZero();
  }

  @Test
  void metadataMadeByHandKeepsTheValuesItWasGiven() {
    List<String> ids = new ArrayList<>(Collections.singletonList("req_9"));
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("X-Request-Id", ids);
    ResponseMetadata metadata = ResponseMetadata.of(503, headers, 12, Duration.ofMillis(5));
    ids.set(0, "changed");
    headers.clear();
    assertThat(metadata.requestId()).contains("req_9");
    assertThat(metadata.headers()).containsOnlyKeys("X-Request-Id");
    ResponseMetadata noValue =
        ResponseMetadata.of(
            200,
            Collections.singletonMap("X-Request-Id", Collections.emptyList()),
            1,
            Duration.ZERO);
    assertThat(noValue.requestId()).isEmpty();
  }

  @Test
  void metadataPrintsTheSameDigitsInEveryLocale() {
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    try {
      // Arabic-Indic digits are what String.format's %d gives in this locale.
      Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG"));
      assertThat(
              ResponseMetadata.of(
                      503,
                      Collections.singletonMap("x-request-id", Collections.singletonList("r1")),
                      12,
                      Duration.ofMillis(5))
                  .toString())
          .isEqualTo("ResponseMetadata{status=503, requestId=r1, attempts=12, elapsed=PT0.005S}");
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }

  // 2. The total timeout: DeadlineTest.

  // 3. A key per call.

  @Test
  void aPerCallKeyIsSentOnEveryPageOfItsWalkAndNeverPrinted() throws Exception {
    server.setDispatcher(new PagedDispatcher(3, 1));
    RequestOptions tenant = RequestOptions.builder().apiKey("tenant-7-key-abcdef").build();

    List<InvocationSummary> all = new ArrayList<>();
    listWith(tenant).forEach(all::add);

    assertThat(all).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest().getHeader("Authorization"))
          .isEqualTo("Bearer tenant-7-key-abcdef");
    }
    assertThat(tenant.toString()).doesNotContain("tenant-7-key-abcdef");
  }

  @Test
  void aPerCallKeyIsSentOnEveryPageOfAnAsyncWalk() throws Exception {
    server.setDispatcher(new PagedDispatcher(3, 1));
    RequestOptions tenant = RequestOptions.builder().apiKey("tenant-8-key-abcdef").build();
    List<String> ids = java.util.Collections.synchronizedList(new ArrayList<String>());

    client
        .runs()
        .listInvocationsAsync("r", ai.bctrl.runs.ListInvocationsParams.none(), tenant)
        .thenCompose(first -> first.forEachAsync(invocation -> ids.add(invocation.id())))
        .get(10, TimeUnit.SECONDS);

    assertThat(ids).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest().getHeader("Authorization"))
          .isEqualTo("Bearer tenant-8-key-abcdef");
    }
  }

  @Test
  void aPerCallKeyIsCheckedLikeTheClientsKey() {
    assertThatThrownBy(() -> RequestOptions.builder().apiKey("tenant-secret\nX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("tenant-secret");
    assertThatThrownBy(() -> RequestOptions.builder().apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // 4. A listener for metrics and traces.

  static final class Recording implements RequestListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Attempt> started = new CopyOnWriteArrayList<>();

    @Override
    public void attemptStarted(Attempt attempt) {
      events.add("start " + attempt);
      started.add(attempt);
    }

    @Override
    public void responseReceived(
        Attempt attempt, int statusCode, Duration duration, Optional<String> requestId) {
      events.add("response " + attempt.number() + " " + statusCode + " " + requestId.orElse("-"));
    }

    @Override
    public void attemptFailed(Attempt attempt, Exception failure) {
      events.add("failed " + attempt.number());
    }

    @Override
    public void retryScheduled(Attempt attempt, Duration delay, String reason) {
      events.add("retry " + attempt.number() + " in " + delay.toMillis() + " ms: " + reason);
    }
  }

  @Test
  void theListenerHearsEveryAttemptOfARetriedPageInOrder() {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "0").setHeader("X-Request-Id", "a"));
    // Cut mid-body: a failure after the response began is the call's, and counted. (One before
    // any byte on a reused connection is OkHttp's to recover from, unseen.)
    server.enqueue(
        page(0, 50, null)
            .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(page(0, 1, null).setHeader("X-Request-Id", "c"));
    Recording listener = new Recording();
    try (BctrlClient listening =
        TestClients.builder(server, delayer).requestListener(listener).build()) {
      listening.runs().listInvocations("r");
    }

    assertThat(listener.events.get(0)).isEqualTo("start GET /v1/runs/r/invocations (attempt 1)");
    assertThat(listener.events.subList(1, listener.events.size()))
        .containsExactly(
            "response 1 503 a",
            "retry 1 in 0 ms: status 503",
            "start GET /v1/runs/r/invocations (attempt 2)",
            "failed 2",
            "retry 2 in " + delayer.waits.get(0) + " ms: connection failed",
            "start GET /v1/runs/r/invocations (attempt 3)",
            "response 3 200 c");
    RequestListener.Attempt third = listener.started.get(2);
    assertThat(third.method()).isEqualTo("GET");
    assertThat(third.path()).isEqualTo("/v1/runs/r/invocations");
    assertThat(third.number()).isEqualTo(3);
    assertThat(String.join("\n", listener.events)).doesNotContain(TestClients.API_KEY);
  }

  @Test
  void theListenerHearsAnAsyncRetriedPageInOrder() throws Exception {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "0").setHeader("X-Request-Id", "a"));
    server.enqueue(page(0, 1, null).setHeader("X-Request-Id", "b"));
    Recording listener = new Recording();
    try (BctrlClient listening =
        TestClients.builder(server, delayer).requestListener(listener).build()) {
      listening.runs().listInvocationsAsync("r").get(5, TimeUnit.SECONDS);
    }

    assertThat(listener.events)
        .containsExactly(
            "start GET /v1/runs/r/invocations (attempt 1)",
            "response 1 503 a",
            "retry 1 in 0 ms: status 503",
            "start GET /v1/runs/r/invocations (attempt 2)",
            "response 2 200 b");
  }

  @Test
  void aListenerThatThrowsChangesNothing() throws Exception {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "0"));
    server.enqueue(page(0, 2, null));
    RequestListener throwing =
        new RequestListener() {
          @Override
          public void attemptStarted(Attempt attempt) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void responseReceived(
              Attempt attempt, int statusCode, Duration duration, Optional<String> requestId) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void retryScheduled(Attempt attempt, Duration delay, String reason) {
            throw new IllegalStateException("listener bug");
          }
        };
    try (BctrlClient listening =
        TestClients.builder(server, delayer).requestListener(throwing).build()) {
      CursorPage<InvocationSummary> page = listening.runs().listInvocations("r");
      assertThat(page.data()).hasSize(2);
      assertThat(page.response().attempts()).isEqualTo(2);
    }
  }

  // 5. Concurrency.

  @Test
  void twoHundredAsyncWalksOnOneClientAreNotQueuedFiveAtATime() throws Exception {
    int together = 20;
    CountDownLatch arrived = new CountDownLatch(together);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            arrived.countDown();
            // Held until 20 requests are in flight at once: OkHttp's default of 5 per host never
            // gets there.
            arrived.await(5, TimeUnit.SECONDS);
            return page(0, 1, null);
          }
        });
    try (BctrlClient concurrent = TestClients.builder(server, delayer).build()) {
      List<CompletableFuture<Void>> walks = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        walks.add(
            concurrent
                .runs()
                .listInvocationsAsync("r" + i)
                .thenCompose(p -> p.forEachAsync(x -> {})));
      }
      CompletableFuture.allOf(walks.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);
      assertThat(arrived.getCount()).as("20 requests in flight at once").isZero();
    }
  }

  @Test
  void theSdksThreadsAreDaemonThreads() throws Exception {
    server.enqueue(page(0, 1, null));
    client.runs().listInvocationsAsync("r").get(5, TimeUnit.SECONDS);

    List<Thread> sdkThreads = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("bctrl-")) {
        sdkThreads.add(thread);
      }
    }
    assertThat(sdkThreads).isNotEmpty().allMatch(Thread::isDaemon);
  }

  @Test
  void maxConcurrentRequestsIsChecked() {
    assertThatThrownBy(() -> BctrlClient.builder().maxConcurrentRequests(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // 6. Rough edges.

  @Test
  void openEnumsSayWhetherAValueIsKnown() {
    assertThat(InvocationStatus.FAILED.isKnown()).isTrue();
    assertThat(InvocationStatus.UNKNOWN.isKnown()).isFalse();
    assertThat(InvocationAction.fromValue("teleport").isKnown()).isFalse();
    assertThat(ReasonClass.fromValue("not_found").isKnown()).isTrue();
  }

  @Test
  void anErrorWithoutTheApisBodyHasNoCode() {
    server.enqueue(new MockResponse().setResponseCode(401).setBody("<html>no</html>"));

    Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));

    assertThat(failure).isInstanceOf(AuthenticationException.class);
    AuthenticationException auth = (AuthenticationException) failure;
    assertThat(auth.code()).isEmpty();
    assertThat(auth.requestId()).isEmpty();
    assertThat(auth.reasonClass()).isEqualTo(ReasonClass.UNKNOWN);
  }

  @Test
  void executionExceptionCarriesTheSdkException() {
    server.enqueue(json(404, "{\"code\":\"run.not_found\",\"error\":\"no\"}"));
    assertThatThrownBy(() -> client.runs().listInvocationsAsync("r").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
  }
}
