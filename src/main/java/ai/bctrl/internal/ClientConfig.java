package ai.bctrl.internal;

import ai.bctrl.LogLevel;
import ai.bctrl.RequestListener;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The client's settings once resolved from the builder and the environment. Immutable. */
public final class ClientConfig {
  final HttpUrl baseUrl;
  final String apiKey;
  final Duration timeout;
  final Duration connectTimeout;

  /** Null: no bound across attempts. */
  final Duration totalTimeout;

  final int maxRetries;
  final OkHttpClient okHttpClient;
  final boolean ownsOkHttpClient;
  final LogLevel logLevel;
  final RequestListener listener;
  final Delayer delayer;

  /** Headers sent on every call of the client (a call's own headers of the same name win). */
  final Map<String, String> headers;

  /** The client's one timer thread: attempt watches and, with the default delayer, retries. */
  final Scheduler scheduler = new Scheduler();

  /**
   * {@code delayer} null: waits for real, on the client's timer thread. {@code headers}: sent on
   * every call.
   */
  public ClientConfig(
      HttpUrl baseUrl,
      String apiKey,
      Duration timeout,
      Duration connectTimeout,
      Duration totalTimeout,
      int maxRetries,
      OkHttpClient okHttpClient,
      boolean ownsOkHttpClient,
      LogLevel logLevel,
      RequestListener listener,
      Delayer delayer,
      Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.connectTimeout = connectTimeout;
    this.totalTimeout = totalTimeout;
    this.maxRetries = maxRetries;
    this.okHttpClient = okHttpClient;
    this.ownsOkHttpClient = ownsOkHttpClient;
    this.logLevel = logLevel;
    this.listener = listener;
    this.delayer = delayer != null ? delayer : new SystemDelayer(scheduler);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public Duration timeout() {
    return timeout;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public LogLevel logLevel() {
    return logLevel;
  }
}
