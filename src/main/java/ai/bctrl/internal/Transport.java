package ai.bctrl.internal;

import ai.bctrl.errors.BctrlException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * A client's calls: sync ({@link #execute}) and async ({@link #executeAsync}) calls both run an
 * {@link ApiCall}, and {@link #close} ends every call still under way. Owns what the client owns:
 * the timer thread, and the OkHttp client when the SDK made it.
 */
public final class Transport {
  private final ClientConfig config;
  private final Set<ApiCall<?>> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public Transport(ClientConfig config) {
    this.config = config;
  }

  /**
   * The OkHttp client the SDK sends with, derived from {@code base} (the caller's) or made new with
   * daemon dispatcher threads and {@code maxConcurrentRequests} for every host. OkHttp connects,
   * pools and recovers connections: a request on a pooled connection that the server closed while
   * idle (or closes as the request is written) is sent again on a fresh one before any response, as
   * OkHttp does for every GET, unseen by the SDK. Everything else is an attempt, counted and
   * retried by the SDK's policy.
   */
  public static OkHttpClient httpClient(OkHttpClient base, int maxConcurrentRequests) {
    OkHttpClient.Builder builder;
    if (base == null) {
      Dispatcher dispatcher =
          new Dispatcher(
              new ThreadPoolExecutor(
                  0,
                  Integer.MAX_VALUE,
                  60,
                  TimeUnit.SECONDS,
                  new SynchronousQueue<Runnable>(),
                  runnable -> {
                    Thread thread = new Thread(runnable, "bctrl-http");
                    // A program that forgets close() still exits.
                    thread.setDaemon(true);
                    return thread;
                  }));
      dispatcher.setMaxRequests(maxConcurrentRequests);
      dispatcher.setMaxRequestsPerHost(maxConcurrentRequests);
      builder = new OkHttpClient.Builder().dispatcher(dispatcher);
    } else {
      builder = base.newBuilder();
    }
    // Each attempt gets its own timeout (its share of the deadline) and connect bound; OkHttp's
    // per-phase timeouts are lifted so that a caller's client cannot cut an attempt shorter.
    return builder
        .retryOnConnectionFailure(true)
        .callTimeout(Duration.ZERO)
        .connectTimeout(Duration.ZERO)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .addNetworkInterceptor(Attempt::onNetwork)
        .build();
  }

  /** Sends {@code api}, retrying per policy, and decodes the 2xx body; blocks the caller. */
  public <T> T execute(ApiRequest api, BodyDecoder<T> decoder) {
    return register(api, decoder).run();
  }

  /**
   * Sends {@code api} without blocking: attempts are enqueued on OkHttp's dispatcher and waits
   * between them are scheduled. Cancelling the future cancels the call in flight and any retry.
   * Never throws: every failure, even an unexpected one, completes the future.
   */
  public <T> CompletableFuture<T> executeAsync(ApiRequest api, BodyDecoder<T> decoder) {
    ApiCall<T> call;
    try {
      call = register(api, decoder);
    } catch (RuntimeException | Error unexpected) {
      CompletableFuture<T> failed = new CompletableFuture<>();
      failed.completeExceptionally(unexpected);
      return failed;
    }
    call.start(1); // Sends nothing if the client was closed: the call has failed already.
    return call.future;
  }

  /** A new call that close() will see; failed at once if the client is closed already. */
  private <T> ApiCall<T> register(ApiRequest api, BodyDecoder<T> decoder) {
    ApiCall<T> call = new ApiCall<>(this, config, api, decoder);
    live.add(call);
    if (closed) {
      call.abort(closedFailure(call));
    }
    return call;
  }

  void forget(ApiCall<?> call) {
    live.remove(call);
  }

  BctrlException closedFailure(ApiCall<?> call) {
    int attempts = call.attempts();
    return new BctrlException(
        "the client is closed: "
            + call.describe()
            + (attempts == 0 ? " was not sent" : " stopped after " + attempts + " attempt(s)"),
        null,
        attempts,
        call.api.cursor);
  }

  /**
   * Fails every call still under way with a {@link BctrlException} that says the client was closed,
   * refuses new ones, and releases what the client owns: its timer threads and, if the SDK made it,
   * the connection pool and dispatcher threads. Returns normally whatever a caller's OkHttp
   * listener or interceptor throws while its calls are cancelled.
   */
  public void close() {
    closed = true;
    for (ApiCall<?> call : live) {
      call.abort(closedFailure(call));
    }
    config.scheduler.shutdown();
    config.delayer.shutdown();
    if (config.ownsOkHttpClient) {
      config.okHttpClient.dispatcher().executorService().shutdown();
      config.okHttpClient.connectionPool().evictAll();
    }
  }

  /** The client's key, and the call's own if it has one, replaced in {@code text}. */
  String redact(String text, String callKey) {
    return Redaction.redact(text, callKey, config.apiKey);
  }
}
