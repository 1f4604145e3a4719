package ai.bctrl;

import static ai.bctrl.Fixtures.error;
import static ai.bctrl.Fixtures.invocationId;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.AuthenticationException;
import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.InternalServerException;
import ai.bctrl.errors.NotFoundException;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class AsyncTest extends MockServerTest {

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  @Test
  void firstPageArrivesThroughTheFuture() throws Exception {
    server.enqueue(page(0, 2, "c1"));

    CursorPage<InvocationSummary> first = await(client.runs().listInvocationsAsync("r"));

    assertThat(first.data())
        .extracting(InvocationSummary::id)
        .containsExactly(invocationId(0), invocationId(1));
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/runs/r/invocations");
  }

  @Test
  void nextPageAsyncKeepsTheRequest() throws Exception {
    server.enqueue(page(0, 1, "c1"));
    server.enqueue(page(1, 1, null));
    CursorPage<InvocationSummary> first =
        await(
            client
                .runs()
                .listInvocationsAsync(
                    "r",
                    ai.bctrl.runs.ListInvocationsParams.builder().limit(1).build(),
                    RequestOptions.builder().header("X-Trace", "a").build()));

    CursorPage<InvocationSummary> second = await(first.nextPageAsync());

    assertThat(second.data().get(0).id()).isEqualTo(invocationId(1));
    assertThat(second.hasNextPage()).isFalse();
    server.takeRequest();
    okhttp3.mockwebserver.RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/v1/runs/r/invocations?limit=1&cursor=c1");
    assertThat(request.getHeader("X-Trace")).isEqualTo("a");
  }

  @Test
  void forEachAsyncWalksEveryPageInOrder() throws Exception {
    server.setDispatcher(new PagedDispatcher(5, 3));
    List<String> ids = Collections.synchronizedList(new ArrayList<>());

    CursorPage<InvocationSummary> first = await(client.runs().listInvocationsAsync("r"));
    await(first.forEachAsync(invocation -> ids.add(invocation.id())));

    assertThat(ids).hasSize(15);
    for (int i = 0; i < 15; i++) {
      assertThat(ids.get(i)).isEqualTo(invocationId(i));
    }
  }

  @Test
  void forEachAsyncRunsTheActionOnTheGivenExecutor() throws Exception {
    server.setDispatcher(new PagedDispatcher(3, 2));
    ExecutorService executor =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "consumer-thread"));
    Set<String> threads = ConcurrentHashMap.newKeySet();
    AtomicInteger count = new AtomicInteger();
    try {
      CursorPage<InvocationSummary> first = await(client.runs().listInvocationsAsync("r"));
      await(
          first.forEachAsync(
              invocation -> {
                threads.add(Thread.currentThread().getName());
                count.incrementAndGet();
              },
              executor));
    } finally {
      executor.shutdownNow();
    }
    assertThat(count).hasValue(6);
    assertThat(threads).containsExactly("consumer-thread");
  }

  @Test
  void failuresCompleteTheFutureWithTheSyncExceptionAsDirectCause() throws Exception {
    server.enqueue(error(404, "run.not_found", "nope", "req_1"));
    CompletableFuture<CursorPage<InvocationSummary>> future =
        client.runs().listInvocationsAsync("missing");

    Throwable viaGet = catchThrowable(() -> await(future));
    Throwable viaJoin = catchThrowable(future::join);

    assertThat(viaGet).isInstanceOf(ExecutionException.class);
    assertThat(viaGet.getCause()).isInstanceOf(NotFoundException.class);
    assertThat(viaJoin).isInstanceOf(CompletionException.class);
    assertThat(viaJoin.getCause()).isInstanceOf(NotFoundException.class);
  }

  @Test
  void eachErrorTypeArrivesThroughTheFuture() throws Exception {
    try (BctrlClient noRetry = TestClients.builder(server).maxRetries(0).build()) {
      server.enqueue(new MockResponse().setResponseCode(401));
      server.enqueue(new MockResponse().setResponseCode(500));
      server.enqueue(Fixtures.json(200, "{\"data\":7}"));
      server.enqueue(
          page(0, 50, null).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

      assertThat(causeOf(noRetry)).isInstanceOf(AuthenticationException.class);
      assertThat(causeOf(noRetry)).isInstanceOf(InternalServerException.class);
      assertThat(causeOf(noRetry)).isInstanceOf(BctrlDecodeException.class);
      assertThat(causeOf(noRetry)).isInstanceOf(ai.bctrl.errors.BctrlConnectionException.class);
    }
  }

  private static Throwable causeOf(BctrlClient client) {
    return catchThrowable(() -> await(client.runs().listInvocationsAsync("r"))).getCause();
  }

  @Test
  void aFailureOnALaterPageFailsTheWalkNotWrappedTwice() throws Exception {
    server.setDispatcher(
        new PagedDispatcher(
            3, 2, (page, attempt) -> page == 1 ? new MockResponse().setResponseCode(500) : null));
    CursorPage<InvocationSummary> first = await(client.runs().listInvocationsAsync("r"));
    AtomicInteger seen = new AtomicInteger();

    Throwable failure =
        catchThrowable(() -> await(first.forEachAsync(i -> seen.incrementAndGet())));

    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(failure.getCause()).isInstanceOf(InternalServerException.class);
    assertThat(((InternalServerException) failure.getCause()).resumeCursor()).contains("p1");
    assertThat(seen).hasValue(2);
  }

  @Test
  void retriesAreScheduledNotSleptSoOneDispatcherThreadServesManyWalks() throws Exception {
    int walks = 20;
    server.setDispatcher(
        new PagedDispatcher(
            3,
            2,
            (page, attempt) ->
                attempt == 1
                    ? new MockResponse().setResponseCode(503).setHeader("Retry-After-Ms", "20")
                    : null));
    ExecutorService oneThread =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "only-dispatcher-thread"));
    TestClients.WaitingDelayer delayer = new TestClients.WaitingDelayer();
    Set<Thread> actionThreads = ConcurrentHashMap.newKeySet();
    OkHttpClient okHttp = new OkHttpClient.Builder().dispatcher(new Dispatcher(oneThread)).build();
    try (BctrlClient shared =
        TestClients.builderWithDelayer(server, delayer).okHttpClient(okHttp).build()) {
      List<CompletableFuture<Void>> all = new ArrayList<>();
      AtomicInteger items = new AtomicInteger();
      for (int w = 0; w < walks; w++) {
        all.add(
            shared
                .runs()
                .listInvocationsAsync("run-" + w)
                .thenCompose(
                    first ->
                        first.forEachAsync(
                            i -> {
                              actionThreads.add(Thread.currentThread());
                              items.incrementAndGet();
                            })));
      }
      CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
      assertThat(items).hasValue(walks * 6);
    } finally {
      oneThread.shutdownNow();
    }
    assertThat(delayer.schedules).as("one scheduled retry per page").hasValue(walks * 3);
    // OkHttp renames its thread while it runs a call, so the thread is checked by identity.
    assertThat(actionThreads).as("every page was handled on the one dispatcher thread").hasSize(1);
  }

  /** Lets a test wait, without sleeping, for OkHttp to report a call canceled. */
  static final class CancelListener extends EventListener {
    final CountDownLatch canceled = new CountDownLatch(1);

    @Override
    public void canceled(Call call) {
      canceled.countDown();
    }
  }

  @Test
  void cancellingTheFutureCancelsTheCallInFlight() throws Exception {
    CancelListener listener = new CancelListener();
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    try (BctrlClient listening =
        TestClients.builder(server)
            .okHttpClient(new OkHttpClient.Builder().eventListener(listener).build())
            .build()) {
      CompletableFuture<CursorPage<InvocationSummary>> future =
          listening.runs().listInvocationsAsync("r");
      server.takeRequest(5, TimeUnit.SECONDS);

      future.cancel(true);

      assertThat(listener.canceled.await(5, TimeUnit.SECONDS)).as("call canceled").isTrue();
      assertThat(future).isCancelled();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void cancellingAWalkStopsItsRequests() throws Exception {
    CancelListener listener = new CancelListener();
    server.enqueue(page(0, 2, "c1"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(page(4, 2, null));
    try (BctrlClient listening =
        TestClients.builder(server)
            .okHttpClient(new OkHttpClient.Builder().eventListener(listener).build())
            .build()) {
      CursorPage<InvocationSummary> first = await(listening.runs().listInvocationsAsync("r"));
      CompletableFuture<Void> walk = first.forEachAsync(i -> {});
      server.takeRequest(5, TimeUnit.SECONDS);
      server.takeRequest(5, TimeUnit.SECONDS);

      walk.cancel(true);

      assertThat(listener.canceled.await(5, TimeUnit.SECONDS)).as("call canceled").isTrue();
      assertThat(walk).isCancelled();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
