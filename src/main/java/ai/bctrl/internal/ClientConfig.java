package ai.bctrl.internal;

import ai.bctrl.LogLevel;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The client's settings once resolved from the builder and the environment. Immutable. */
public final class ClientConfig {
  final HttpUrl baseUrl;
  final String apiKey;
  final Duration timeout;
  final int maxRetries;
  final OkHttpClient okHttpClient;
  final boolean ownsOkHttpClient;
  final LogLevel logLevel;
  final Delayer delayer;

  public ClientConfig(
      HttpUrl baseUrl,
      String apiKey,
      Duration timeout,
      int maxRetries,
      OkHttpClient okHttpClient,
      boolean ownsOkHttpClient,
      LogLevel logLevel,
      Delayer delayer) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.okHttpClient = okHttpClient;
    this.ownsOkHttpClient = ownsOkHttpClient;
    this.logLevel = logLevel;
    this.delayer = delayer;
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
