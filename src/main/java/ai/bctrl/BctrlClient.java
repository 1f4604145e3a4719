package ai.bctrl;

import ai.bctrl.errors.BctrlException;
import ai.bctrl.internal.ClientConfig;
import ai.bctrl.internal.Delayer;
import ai.bctrl.internal.HttpRunsClient;
import ai.bctrl.internal.Transport;
import ai.bctrl.runs.RunsClient;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: holds the API key, base URL, timeouts, retry budget and HTTP connections, and
 * hands out the resource clients. Thread-safe; create one and share it. Close it when done.
 */
public final class BctrlClient implements AutoCloseable {
  public static final String DEFAULT_BASE_URL = "https://api.bctrl.ai";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_RETRIES = 2;
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  private final ClientConfig config;
  private final Transport transport;
  private final RunsClient runs;

  private BctrlClient(ClientConfig config) {
    this.config = config;
    this.transport = new Transport(config);
    this.runs = new HttpRunsClient(transport);
  }

  /** A builder; what it leaves unset comes from the environment. */
  public static Builder builder() {
    return new Builder(System::getenv);
  }

  /** A client configured from the environment only: {@code builder().build()}. */
  public static BctrlClient fromEnv() {
    return builder().build();
  }

  public RunsClient runs() {
    return runs;
  }

  /** For tests that declare an endpoint of their own on this client's transport. */
  Transport transport() {
    return transport;
  }

  /**
   * Fails calls under way with {@link ai.bctrl.errors.BctrlClosedException}, and releases the
   * client's timer and, unless the OkHttpClient is the caller's, its connections and dispatcher.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return String.format(
        "BctrlClient{baseUrl=%s, timeout=%s, maxRetries=%s, logLevel=%s}",
        config.baseUrl(), config.timeout(), config.maxRetries(), config.logLevel());
  }

  /**
   * Builds a {@link BctrlClient}. A setter given a value it refuses throws {@link
   * IllegalArgumentException} naming the setting (never echoing a key or header value); durations
   * must be positive, and one too long to count in nanoseconds (about 292 years) means no limit.
   */
  public static final class Builder {
    private final Function<String, @Nullable String> env;
    // What a call's RequestOptions may override, held and checked as those are.
    private final RequestOptions.Builder callDefaults = RequestOptions.builder();
    private @Nullable HttpUrl baseUrl;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private @Nullable RequestListener requestListener;
    private @Nullable OkHttpClient okHttpClient;
    private boolean allowInsecureHttp;
    private @Nullable LogLevel logLevel;
    private @Nullable Delayer delayer;

    Builder(Function<String, @Nullable String> env) {
      this.env = env;
    }

    /** Sent as {@code Authorization: Bearer <key>}. Unset: {@code BCTRL_API_KEY}. */
    public Builder apiKey(String apiKey) {
      callDefaults.apiKey(apiKey);
      return this;
    }

    /** An http(s) URL. Unset: {@code BCTRL_BASE_URL}, else {@value #DEFAULT_BASE_URL}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = parseBaseUrl(baseUrl);
      return this;
    }

    /** The timeout of each attempt (connect, send and receive together). Default 60 s. */
    public Builder timeout(Duration timeout) {
      callDefaults.timeout(timeout);
      return this;
    }

    /**
     * How long an attempt may take to connect (TCP, and TLS for https). Default 10 s. Not retried;
     * the exception names the host and port (as when an https base URL aims at a plain-HTTP port).
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * How many times a failed call is retried (connection failures, timeouts, 408, 409, 429, 5xx).
     * Default 2, so 3 attempts in all; 0 disables retries.
     */
    public Builder maxRetries(int maxRetries) {
      callDefaults.maxRetries(maxRetries);
      return this;
    }

    /**
     * The most one page fetch may take, attempts and waits together; unset, no bound. A wait that
     * would cross it stops the call with the last failure; an attempt in flight at it, or a retry
     * due at or after it, ends in {@link ai.bctrl.errors.BctrlTimeoutException}.
     */
    public Builder totalTimeout(Duration totalTimeout) {
      callDefaults.totalTimeout(totalTimeout);
      return this;
    }

    /**
     * Async requests the SDK's own OkHttp client runs at once, to the API's host and in all, before
     * it queues more (OkHttp's own default is 5 per host). Ignored with {@link #okHttpClient}.
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      this.maxConcurrentRequests =
          Checks.atLeast(maxConcurrentRequests, 1, "maxConcurrentRequests");
      return this;
    }

    public Builder requestListener(RequestListener requestListener) {
      this.requestListener = Checks.notNull(requestListener, "requestListener");
      return this;
    }

    /**
     * Shares the caller's OkHttpClient (pool, dispatcher, interceptors): the SDK derives its own
     * with {@code newBuilder()}, so its timeouts and retries apply and the caller's is unchanged.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Checks.notNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** Allows a plain {@code http://} base URL to a host that is not loopback. Off by default. */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** What the SDK logs. Unset: {@code BCTRL_LOG}, else {@link LogLevel#OFF}. */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Checks.notNull(logLevel, "logLevel");
      return this;
    }

    /**
     * Adds a header to every call, replacing one of the same name set here; a call's {@link
     * RequestOptions.Builder#header}, which lists the names refused, wins over it.
     */
    public Builder header(String name, String value) {
      callDefaults.header(name, value);
      return this;
    }

    /** For tests: replaces real waiting between retries. */
    Builder delayer(Delayer delayer) {
      this.delayer = delayer;
      return this;
    }

    /**
     * @throws BctrlException if no API key was set and {@code BCTRL_API_KEY} is unset
     * @throws IllegalArgumentException if an environment variable is invalid, or the base URL is
     *     plain http to a host that is not loopback without {@link #allowInsecureHttp(boolean)}
     */
    public BctrlClient build() {
      RequestOptions defaults = callDefaults.build();
      String key = defaults.apiKey().orElse(env.apply("BCTRL_API_KEY"));
      if (key == null || key.trim().isEmpty()) {
        throw new BctrlException(
            "no API key: set the BCTRL_API_KEY environment variable or call"
                + " BctrlClient.builder().apiKey(...)");
      }
      Checks.apiKey(key);
      String envUrl = env.apply("BCTRL_BASE_URL");
      HttpUrl url =
          baseUrl != null
              ? baseUrl
              : parseBaseUrl(envUrl == null || envUrl.isEmpty() ? DEFAULT_BASE_URL : envUrl);
      if (!url.isHttps() && !allowInsecureHttp && !isLoopback(url.host())) {
        throw new IllegalArgumentException(
            "refusing to send the API key over plain http to "
                + url.host()
                + ": use https, or call allowInsecureHttp(true) if this network is trusted");
      }
      LogLevel level = logLevel != null ? logLevel : LogLevel.parse(env.apply("BCTRL_LOG"));
      return new BctrlClient(
          new ClientConfig(
              url,
              key,
              defaults.timeout().orElse(DEFAULT_TIMEOUT),
              connectTimeout,
              defaults.totalTimeout().orElse(null),
              defaults.maxRetries().orElse(DEFAULT_MAX_RETRIES),
              Transport.httpClient(okHttpClient, maxConcurrentRequests),
              okHttpClient == null,
              level,
              requestListener,
              delayer,
              defaults.headers()));
    }

    private static HttpUrl parseBaseUrl(@Nullable String url) {
      HttpUrl parsed = HttpUrl.parse(Checks.notNull(url, "baseUrl").trim());
      if (parsed == null) {
        // Not echoed whole: a URL can carry a password.
        throw new IllegalArgumentException("baseUrl is not an http or https URL");
      }
      if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
        throw new IllegalArgumentException(
            "baseUrl must not carry a user or password (the API key is the credential)");
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        throw new IllegalArgumentException(
            "baseUrl must not have a query or a fragment: " + parsed.host());
      }
      return parsed;
    }

    /**
     * Loopback by address or by the one name that means it; nothing by suffix. {@link HttpUrl#host}
     * is lower case, an IPv6 address in its shortest form.
     */
    private static boolean isLoopback(String host) {
      return host.matches("localhost|::1|127(\\.\\d{1,3}){3}");
    }
  }
}
