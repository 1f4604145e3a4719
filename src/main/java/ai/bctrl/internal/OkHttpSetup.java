package ai.bctrl.internal;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The OkHttp client the SDK sends with, derived from the caller's or made new. OkHttp connects,
 * pools and recovers connections: a request on a pooled connection that the server closed while
 * idle (or closes as the request is written) is sent again on a fresh one before any response, as
 * OkHttp does for every GET, and the SDK never sees that failure. What the SDK counts as an
 * attempt, and so retries by its own policy, is everything else.
 */
final class OkHttpSetup {
  private OkHttpSetup() {}

  static OkHttpClient httpClient(OkHttpClient base, int maxConcurrentRequests) {
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
}
