package ai.bctrl.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** A client's calls, each an {@link ApiCall}; {@link #close} ends them and frees what it owns. */
public final class Transport {
  private final ClientConfig config;

  private final Set<ApiCall<?>> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public Transport(ClientConfig config) {
    this.config = config;
  }

  /**
   * The OkHttp client the SDK sends with, derived from {@code base} (the caller's) or made new with
   * daemon dispatcher threads and {@code maxConcurrentRequests} for every host, with the SDK's
   * interceptors around the caller's (see {@link Attempt}).
   */
  public static OkHttpClient httpClient(OkHttpClient base, int maxConcurrentRequests) {
    OkHttpClient.Builder builder;
    if (base == null) {
      // OkHttp's own executor (threads made on demand, idle ones gone after 60 s), daemon threads.
      Dispatcher dispatcher =
          new Dispatcher(Executors.newCachedThreadPool(runnable -> daemon(runnable, "http")));
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
    // Each attempt brings its own timeout and connect watch; OkHttp's are lifted so that a caller's
    // client cannot cut an attempt shorter.
    return builder
        .retryOnConnectionFailure(true)
        .callTimeout(Duration.ZERO)
        .connectTimeout(Duration.ZERO)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .build();
  }

  /** A daemon thread {@code bctrl-<name>}: a program that forgets close() still exits. */
  static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, "bctrl-" + name);
    thread.setDaemon(true);
    return thread;
  }

  /** Sends {@code api}, retrying per policy, and decodes the 2xx body; blocks the caller. */
  public <T> T execute(ApiRequest api, BodyDecoder<T> decoder) {
    return register(api, decoder).run();
  }

  /**
   * Sends {@code api} without blocking. Cancelling the future cancels the call in flight and any
   * retry. Never throws: every failure, even an unexpected one, completes the future.
   */
  public <T> CompletableFuture<T> executeAsync(ApiRequest api, BodyDecoder<T> decoder) {
    try {
      ApiCall<T> call = register(api, decoder);
      call.start(1); // Sends nothing if the client was closed: the call has failed already.
      return call.future;
    } catch (RuntimeException | Error unexpected) {
      CompletableFuture<T> failed = new CompletableFuture<>();
      failed.completeExceptionally(unexpected);
      return failed;
    }
  }

  /** A new call that close() will see; failed at once if the client is closed already. */
  private <T> ApiCall<T> register(ApiRequest api, BodyDecoder<T> decoder) {
    ApiCall<T> call = new ApiCall<>(config, api, decoder);
    live.add(call);
    call.future.whenComplete((value, failure) -> live.remove(call));
    if (closed) {
      call.close();
    }
    return call;
  }

  /**
   * Fails every call still under way with a {@link ai.bctrl.errors.BctrlClosedException}, refuses
   * new ones, and releases the timer threads and, if the SDK made it, the OkHttp client. Returns
   * normally whatever a caller's OkHttp listener or interceptor throws meanwhile.
   */
  public void close() {
    closed = true;
    for (ApiCall<?> call : live) {
      call.close();
    }
    config.scheduler.shutdown();
    config.delayer.shutdown();
    config.fresh.connectionPool().evictAll();
    if (config.ownsOkHttpClient) {
      config.okHttpClient.dispatcher().executorService().shutdown();
      config.okHttpClient.connectionPool().evictAll();
    }
  }
}
