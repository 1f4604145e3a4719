package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlClosedException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.InternalServerException;
import ai.bctrl.internal.ApiRequest;
import ai.bctrl.internal.ListEndpoint;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every future completes, every attempt is counted, none is wasted, and interrupts stop work. */
@Timeout(20)
class ReliabilityTest extends MockServerTest {

  private final TestClients.WaitingDelayer waiting = new TestClients.WaitingDelayer();

  /** A client that waits for real between attempts; {@link #waiting} says when it has begun. */
  private BctrlClient realWaiting() {
    return TestClients.builderWithDelayer(server, waiting).build();
  }

  private static MockResponse unavailableFor(int seconds) {
    return json(503, "{\"code\":\"busy\",\"error\":\"busy\"}")
        .setHeader("Retry-After", Integer.toString(seconds));
  }

  // 1. Futures that always complete.

  @Test
  void closeFailsAnAsyncCallWaitingToRetry() throws Exception {
    server.enqueue(unavailableFor(30));
    BctrlClient client = realWaiting();
    CompletableFuture<CursorPage<InvocationSummary>> future =
        client.runs().listInvocationsAsync("r");
    waiting.awaitBackoff();

    client.close();

    assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseExactlyInstanceOf(BctrlClosedException.class)
        .hasMessageContaining("client is closed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closeFailsAnAsyncWalkWhosePageWaitsToRetry() throws Exception {
    server.enqueue(page(0, 1, "c1"));
    server.enqueue(unavailableFor(30));
    BctrlClient client = realWaiting();
    CursorPage<InvocationSummary> first = client.runs().listInvocations("r");
    CompletableFuture<Void> walk = first.forEachAsync(item -> {});
    waiting.awaitBackoff();

    client.close();

    assertThatThrownBy(() -> walk.get(1, TimeUnit.SECONDS))
        .hasCauseExactlyInstanceOf(BctrlClosedException.class)
        .hasMessageContaining("client is closed");
  }

  /** A model whose build() throws an Error, as an OutOfMemoryError while decoding would. */
  @JsonDeserialize(builder = Exploding.Builder.class)
  static final class Exploding {
    @JsonPOJOBuilder(withPrefix = "")
    static final class Builder {
      @JsonProperty("id")
      Builder id(String id) {
        return this;
      }

      Exploding build() {
        throw new AssertionError("decoding blew up");
      }
    }
  }

  @Test
  void anErrorWhileDecodingFailsTheFutureInsteadOfHangingIt() {
    server.enqueue(json(200, "{\"data\":[{\"id\":\"a\"}],\"nextCursor\":null}"));
    CompletableFuture<CursorPage<Exploding>> future =
        new ListEndpoint<>(
                client.transport(),
                ApiRequest.get(RequestOptions.none(), "v1", "things"),
                Exploding.class)
            .fetchAsync(null);

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(AssertionError.class);
  }

  @Test
  void anErrorWhileDecodingIsThrownByASyncCall() {
    server.enqueue(json(200, "{\"data\":[{\"id\":\"a\"}],\"nextCursor\":null}"));
    ListEndpoint<Exploding> things =
        new ListEndpoint<>(
            client.transport(),
            ApiRequest.get(RequestOptions.none(), "v1", "things"),
            Exploding.class);

    assertThatThrownBy(() -> things.fetch(null))
        .isInstanceOf(AssertionError.class)
        .hasMessage("decoding blew up");
  }

  // 3. maxRetries(0) is one request.

  @Test
  void maxRetriesZeroSendsOneRequestEvenForA503WithRetryAfterZero() {
    server.enqueue(unavailableFor(0));
    server.enqueue(page(0, 1, null));

    assertThatThrownBy(() -> listWith(RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void maxRetriesZeroSendsOneRequestForA408() {
    server.enqueue(json(408, "{\"code\":\"slow\",\"error\":\"slow\"}"));
    server.enqueue(page(0, 1, null));

    assertThatThrownBy(() -> listWith(RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(BctrlApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void maxRetriesZeroSendsOneRequestWithTheCallersOwnOkHttpClient() {
    server.enqueue(unavailableFor(0));
    server.enqueue(page(0, 1, null));
    try (BctrlClient own =
        TestClients.builder(server, delayer)
            .okHttpClient(new OkHttpClient())
            .maxRetries(0)
            .build()) {
      assertThatThrownBy(() -> own.runs().listInvocations("r"))
          .isInstanceOf(InternalServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRetryAfterZeroIsRetriedByTheSdkAndCounted() {
    server.enqueue(unavailableFor(0));
    server.enqueue(page(0, 1, null));

    CursorPage<InvocationSummary> page = client.runs().listInvocations("r");

    assertThat(page.response().attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  // 4. Interrupts.

  @Test
  void anInterruptStopsACallWaitingOnASilentServer() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(page(0, 1, null));
    Caller caller = new Caller(() -> client.runs().listInvocations("r"));
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

    caller.interruptAndJoin();

    caller.assertInterrupted();
    assertThat(server.getRequestCount()).as("nothing retried before the call returned").isOne();
  }

  @Test
  void anInterruptStopsACallWaitingToRetry() throws Exception {
    server.enqueue(unavailableFor(30));
    try (BctrlClient backingOff = realWaiting()) {
      Caller caller = new Caller(() -> backingOff.runs().listInvocations("r"));
      waiting.awaitBackoff();

      caller.interruptAndJoin();

      caller.assertInterrupted();
      assertThat(((BctrlException) caller.failure.get()).attempts()).isOne();
      assertThat(server.getRequestCount()).as("the retry was not sent").isOne();
      assertThat(waiting.schedules).as("nor scheduled on the timer").hasValue(0);
    }
  }

  @Test
  void anInterruptStopsAPrefetchingWalk() throws Exception {
    server.enqueue(page(0, 1, "c1"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(page(1, 1, null));
    CursorPage<InvocationSummary> first = client.runs().listInvocations("r");
    Caller caller =
        new Caller(
            () -> {
              for (InvocationSummary ignored : first.prefetching()) {
                // Reaching the second page waits on the silent prefetch.
              }
            });
    server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("the prefetch").isNotNull();

    caller.interruptAndJoin();

    caller.assertInterrupted();
  }

  // 5. A failed prefetch is fetched again only when asked.

  @Test
  void aFailedPrefetchIsFetchedAgainOnlyWhenTheCallerAsksAgain() throws Exception {
    server.setDispatcher(
        new PagedDispatcher(
            3,
            1,
            (page, attempt) ->
                page == 1 && attempt == 1 ? new MockResponse().setResponseCode(500) : null));
    // An async fetch says attemptStarted on the thread that starts it, before it returns: a
    // fetch started in the background when the failure is handed over is counted by then.
    AtomicInteger started = new AtomicInteger();
    RequestListener counting =
        new RequestListener() {
          @Override
          public void attemptStarted(RequestListener.Attempt attempt) {
            started.incrementAndGet();
          }
        };
    try (BctrlClient listened =
        TestClients.builder(server, delayer).requestListener(counting).maxRetries(0).build()) {
      Iterator<InvocationSummary> items =
          listened.runs().listInvocations("r").prefetching().iterator();
      items.next();

      assertThatThrownBy(items::hasNext).isInstanceOf(InternalServerException.class);
      assertThat(started).as("page 0 and the failed prefetch, nothing since").hasValue(2);

      assertThat(items.hasNext()).isTrue();
      assertThat(started.get()).as("fetched again once the caller asked").isGreaterThan(2);
      assertThat(items.next().id()).isEqualTo(Fixtures.invocationId(1));
      assertThat(items.next().id()).isEqualTo(Fixtures.invocationId(2));
      assertThat(items.hasNext()).isFalse();
      assertThat(server.getRequestCount()).isEqualTo(4);
    }
  }

  // 6. Deterministic faults are not retried.

  @Test
  void aRedirectLoopIsOneRoundOfRedirectsNotRetried() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse().setResponseCode(302).setHeader("Location", "/loop");
          }
        });

    Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));

    assertThat(failure)
        .isInstanceOf(BctrlConnectionException.class)
        .hasMessageContaining("redirected too many times");
    assertThat(((BctrlException) failure).attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(21);
  }

  @Test
  void aRedirectWithoutLocationIsTheApiError() {
    server.enqueue(new MockResponse().setResponseCode(302));

    assertThatThrownBy(() -> client.runs().listInvocations("r"))
        .isInstanceOfSatisfying(
            BctrlApiException.class, e -> assertThat(e.statusCode()).isEqualTo(302));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBodyMarkedGzipThatIsNotIsADecodeFailureNotRetried() throws Exception {
    String plain = Fixtures.pageJson(0, 1, null);
    server.enqueue(json(200, plain).setHeader("Content-Encoding", "gzip"));

    Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));

    assertThat(failure).isInstanceOf(BctrlDecodeException.class).hasMessageContaining("gzip");
    assertThat(((BctrlDecodeException) failure).rawBody()).isEqualTo(plain);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getHeader("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void aGzippedPageIsDecoded() throws Exception {
    Buffer gzipped = new Buffer();
    try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
      sink.writeUtf8(Fixtures.pageJson(0, 2, null));
    }
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setHeader("Content-Encoding", "gzip")
            .setBody(gzipped));

    assertThat(client.runs().listInvocations("r").data()).hasSize(2);
  }

  // 7. After close().

  @Test
  void aCallAfterCloseFailsAtOnceAndSendsNothing() throws Exception {
    client.close();

    assertThatThrownBy(() -> client.runs().listInvocations("r"))
        .isExactlyInstanceOf(BctrlClosedException.class)
        .hasMessageContaining("client is closed");
    CompletableFuture<?> async = client.runs().listInvocationsAsync("r");
    assertThatThrownBy(() -> async.get(1, TimeUnit.SECONDS))
        .hasCauseExactlyInstanceOf(BctrlClosedException.class)
        .hasMessageContaining("was not sent");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closeStopsASyncCallWaitingToRetry() throws Exception {
    server.enqueue(unavailableFor(30));
    BctrlClient backingOff = realWaiting();
    Caller caller = new Caller(() -> backingOff.runs().listInvocations("r"));
    waiting.awaitBackoff();

    backingOff.close();
    caller.thread.join(1_000);

    assertThat(caller.thread.isAlive()).as("returned within 1 s").isFalse();
    assertThat(caller.failure.get())
        .isExactlyInstanceOf(BctrlClosedException.class)
        .hasMessageContaining("client is closed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
