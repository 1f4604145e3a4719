package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlTimeoutException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How many times one attempt reaches the server: once, and a second time only when it failed on a
 * connection used before, on a fresh one bounded by the connect timeout. And what the caller's own
 * OkHttp code sees of it.
 */
@Timeout(20)
class ResendTest extends MockServerTest {
  private static Throwable call(BctrlClient client, boolean async) throws Exception {
    if (!async) {
      return catchThrowable(() -> client.runs().listInvocations("r"));
    }
    try {
      client.runs().listInvocationsAsync("r").get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @ParameterizedTest(name = "idle pooled connections={0}, async={1}")
  @CsvSource({"0, false", "1, false", "4, false", "0, true", "1, true", "4, true"})
  void aServerThatClosesUnansweredSeesAnAttemptAtMostTwiceWhateverThePoolHolds(
      int idle, boolean async) throws Exception {
    // The first `idle` requests are answered together, so that as many connections are pooled;
    // every later one is read and its connection closed unanswered.
    CountDownLatch together = new CountDownLatch(idle);
    AtomicBoolean failing = new AtomicBoolean(idle == 0);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (failing.get()) {
              return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            }
            together.countDown();
            together.await(5, TimeUnit.SECONDS);
            return page(0, 1, null);
          }
        });
    try (BctrlClient noRetries = TestClients.builder(server, delayer).maxRetries(0).build()) {
      List<CompletableFuture<?>> pooling = new ArrayList<>();
      for (int i = 0; i < idle; i++) {
        pooling.add(noRetries.runs().listInvocationsAsync("r"));
      }
      for (CompletableFuture<?> done : pooling) {
        done.get(10, TimeUnit.SECONDS);
      }
      failing.set(true);
      int before = server.getRequestCount();

      Throwable failure = call(noRetries, async);

      assertThat(failure).isInstanceOf(BctrlConnectionException.class);
      assertThat(((BctrlException) failure).attempts()).isOne();
      assertThat(server.getRequestCount() - before)
          .as("requests the server read: a re-send only after a pooled connection failed")
          .isEqualTo(idle == 0 ? 1 : 2);
      for (int i = 0; i < before; i++) {
        server.takeRequest();
      }
      if (idle > 0) {
        assertThat(server.takeRequest().getSequenceNumber()).as("on a pooled one").isPositive();
        assertThat(server.takeRequest().getSequenceNumber()).as("on a fresh one").isZero();
      }
    }
  }

  /** Sockets that connect for the first {@code connecting}, then hang in connect until closed. */
  private static final class HangingAfter extends SocketFactory {
    final AtomicInteger made = new AtomicInteger();
    final CountDownLatch hanging = new CountDownLatch(1);
    private final int connecting;

    HangingAfter(int connecting) {
      this.connecting = connecting;
    }

    @Override
    public Socket createSocket() {
      if (made.incrementAndGet() <= connecting) {
        return new Socket();
      }
      CountDownLatch closed = new CountDownLatch(1);
      return new Socket() {
        @Override
        public void connect(SocketAddress address, int timeout) throws IOException {
          hanging.countDown();
          try {
            closed.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new SocketException("closed while connecting");
        }

        @Override
        public synchronized void close() throws IOException {
          closed.countDown();
          super.close();
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(java.net.InetAddress host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(
        java.net.InetAddress address, int port, java.net.InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void theFreshConnectionOfAReSendIsBoundByTheConnectTimeout(boolean async) throws Exception {
    HangingAfter sockets = new HangingAfter(1);
    server.enqueue(page(0, 1, null));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    try (BctrlClient client =
        TestClients.builder(server, delayer)
            .okHttpClient(new OkHttpClient.Builder().socketFactory(sockets).build())
            // Long enough for the first, real loopback connect on a loaded machine; the re-send's
            // connect hangs, so only the timeout ends it.
            .connectTimeout(Duration.ofSeconds(2))
            .timeout(Duration.ofSeconds(30))
            .maxRetries(0)
            .build()) {
      client.runs().listInvocations("r");

      Throwable failure = call(client, async);

      assertThat(sockets.hanging.getCount()).as("the re-send connected anew").isZero();
      assertThat(failure)
          .isExactlyInstanceOf(BctrlTimeoutException.class)
          .hasMessageContaining("could not connect to localhost:")
          .hasMessageContaining("within the connect timeout of 2 s");
      assertThat(((BctrlException) failure).attempts()).isOne();
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  /** Records the Retry-After a caller's OkHttp interceptors and listener see. */
  private static final class Seeing {
    final List<String> seen = new CopyOnWriteArrayList<>();

    OkHttpClient client() {
      return new OkHttpClient.Builder()
          .addInterceptor(
              chain -> {
                Response response = chain.proceed(chain.request());
                seen.add("application: " + response.header("Retry-After"));
                return response;
              })
          .addNetworkInterceptor(
              chain -> {
                Response response = chain.proceed(chain.request());
                seen.add("network: " + response.header("Retry-After"));
                return response;
              })
          .eventListener(
              new EventListener() {
                @Override
                public void responseHeadersEnd(Call call, Response response) {
                  seen.add("listener: " + response.header("Retry-After"));
                }
              })
          .build();
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aCallersInterceptorsAndListenerSeeTheServersRetryAfterOfA503ThatOkHttpWouldSendAgain(
      boolean async) throws Exception {
    Seeing seeing = new Seeing();
    server.enqueue(json(503, "{}").setHeader("Retry-After", "0"));
    server.enqueue(page(0, 1, null));
    try (BctrlClient client =
        TestClients.builder(server, delayer).okHttpClient(seeing.client()).maxRetries(0).build()) {
      Throwable failure = call(client, async);

      assertThat(failure).isInstanceOf(BctrlApiException.class);
      assertThat(((BctrlApiException) failure).statusCode()).isEqualTo(503);
      assertThat(((BctrlApiException) failure).retryAfter()).contains(Duration.ZERO);
      assertThat(server.getRequestCount()).as("maxRetries(0): one request").isOne();
      assertThat(seeing.seen)
          .containsExactlyInAnyOrder("listener: 0", "network: 0", "application: 0");
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aCallersInterceptorsSeeA408WithoutRetryAfterAsSentAndOkHttpDoesNotSendItAgain(boolean async)
      throws Exception {
    Seeing seeing = new Seeing();
    server.enqueue(json(408, "{}"));
    server.enqueue(page(0, 1, null));
    try (BctrlClient client =
        TestClients.builder(server, delayer).okHttpClient(seeing.client()).maxRetries(0).build()) {
      Throwable failure = call(client, async);

      assertThat(((BctrlApiException) failure).statusCode()).isEqualTo(408);
      assertThat(server.getRequestCount()).as("maxRetries(0): one request").isOne();
      assertThat(seeing.seen)
          .containsExactlyInAnyOrder("listener: null", "network: null", "application: null");
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aCallersInterceptorThatBuildsANewRequestKeepsMaxRetriesZeroToOneRequest(boolean async)
      throws Exception {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "0"));
    server.enqueue(page(0, 1, null));
    OkHttpClient rebuilding =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  // A new request from scratch, not newBuilder(): it carries none of the tags.
                  okhttp3.Request asked = chain.request();
                  return chain.proceed(
                      new okhttp3.Request.Builder()
                          .url(asked.url())
                          .headers(asked.headers())
                          .build());
                })
            .build();
    try (BctrlClient client =
        TestClients.builder(server, delayer).okHttpClient(rebuilding).maxRetries(0).build()) {
      Throwable failure = call(client, async);

      assertThat(((BctrlApiException) failure).statusCode()).isEqualTo(503);
      assertThat(((BctrlApiException) failure).retryAfter()).contains(Duration.ZERO);
      assertThat(server.getRequestCount()).as("maxRetries(0): one request").isOne();
    }
  }

  @ParameterizedTest(name = "async={0}")
  @ValueSource(booleans = {false, true})
  void aCallersInterceptorSeesTheFailureOfASentRequestAsTheNetworkRaisedIt(boolean async)
      throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    List<IOException> seen = new CopyOnWriteArrayList<>();
    OkHttpClient watching =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  try {
                    return chain.proceed(chain.request());
                  } catch (IOException e) {
                    seen.add(e);
                    throw e;
                  }
                })
            .build();
    try (BctrlClient client =
        TestClients.builder(server, delayer).okHttpClient(watching).maxRetries(0).build()) {
      Throwable failure = call(client, async);

      assertThat(failure).isInstanceOf(BctrlConnectionException.class);
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0))
          .as("OkHttp's own exception, not the SDK's wrapper")
          .isNotInstanceOf(java.net.ProtocolException.class)
          .isSameAs(failure.getCause());
    }
  }
}
