package ai.bctrl.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * A client's calls: sync ({@link #execute}) and async ({@link #executeAsync}) calls both run an
 * {@link ApiCall}, and {@link #close} ends every call still under way. Owns what the client owns:
 * the timer thread, and the OkHttp client when the SDK made it. Depends on {@link ApiCall}, which
 * depends on {@link Attempt}; nothing calls back up.
 */
public final class Transport {
  private final ClientConfig config;

  /**
   * Where a re-send goes: the client's OkHttp client with a pool of its own, which only re-sends
   * use and each empties once done, so that a re-send finds no connection to reuse.
   */
  private final OkHttpClient fresh;

  private final Set<ApiCall<?>> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public Transport(ClientConfig config) {
    this.config = config;
    this.fresh = config.okHttpClient.newBuilder().connectionPool(new ConnectionPool()).build();
  }

  /**
   * The OkHttp client the SDK sends with, derived from {@code base} (the caller's) or made new with
   * daemon dispatcher threads and {@code maxConcurrentRequests} for every host. OkHttp connects and
   * pools connections and, before a request reaches a connection, tries the host's other routes; a
   * request that reached one is sent again only by the {@link Attempt} (see there).
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
    // First, so that every interceptor of the caller's runs inside the SDK's.
    builder.interceptors().add(0, Attempt.USER_CODE);
    builder.networkInterceptors().add(0, Attempt.network());
    builder.interceptors().add(Attempt.RESTORE);
    // Each attempt gets its own timeout (its share of the deadline) and connect bound; OkHttp's
    // per-phase timeouts are lifted so that a caller's client cannot cut an attempt shorter.
    return builder
        .retryOnConnectionFailure(true)
        .callTimeout(Duration.ZERO)
        .connectTimeout(Duration.ZERO)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
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
    ApiCall<T> call = new ApiCall<>(config, fresh, api, decoder);
    live.add(call);
    call.future.whenComplete((value, failure) -> live.remove(call));
    if (closed) {
      call.close();
    }
    return call;
  }

  /**
   * Fails every call still under way with a {@link ai.bctrl.errors.BctrlClosedException}, refuses
   * new ones, and releases what the client owns: its timer threads and, if the SDK made it, the
   * connection pool and dispatcher threads. Returns normally whatever a caller's OkHttp listener or
   * interceptor throws while its calls are cancelled.
   */
  public void close() {
    closed = true;
    for (ApiCall<?> call : live) {
      call.close();
    }
    config.scheduler.shutdown();
    config.delayer.shutdown();
    fresh.connectionPool().evictAll();
    if (config.ownsOkHttpClient) {
      config.okHttpClient.dispatcher().executorService().shutdown();
      config.okHttpClient.connectionPool().evictAll();
    }
  }
}
