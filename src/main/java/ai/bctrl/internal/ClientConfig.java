package ai.bctrl.internal;

import ai.bctrl.LogLevel;
import ai.bctrl.RequestListener;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The client's settings once resolved from the builder and the environment. Immutable. */
public final class ClientConfig {
  final HttpUrl baseUrl;
  final String apiKey;
  final Duration timeout;
  final Duration connectTimeout;
  final Duration totalTimeout; // Null: no bound across attempts.
  final int maxRetries;
  final OkHttpClient okHttpClient;

  /** Where a re-send goes: {@link #okHttpClient} with a pool that only re-sends use. */
  final OkHttpClient fresh;

  final boolean ownsOkHttpClient;
  final LogLevel logLevel;
  final RequestListener listener;
  final Delayer delayer;
  final Map<String, String> headers; // A call's own headers of the same name win.

  /** The client's one timer thread: attempt watches and, with the default delayer, retries. */
  final SystemDelayer scheduler = new SystemDelayer();

  /** {@code delayer} null: waits for real, on the client's timer thread. */
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
    this.fresh = okHttpClient.newBuilder().connectionPool(new ConnectionPool()).build();
    this.ownsOkHttpClient = ownsOkHttpClient;
    this.logLevel = logLevel;
    this.listener = listener;
    this.delayer = delayer != null ? delayer : scheduler;
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
