package ai.bctrl;

import ai.bctrl.errors.BctrlException;
import ai.bctrl.internal.ClientConfig;
import ai.bctrl.internal.Delayer;
import ai.bctrl.internal.HttpRunsClient;
import ai.bctrl.internal.Transport;
import ai.bctrl.runs.RunsClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: holds the API key, base URL, timeouts, retry budget and HTTP connections, and
 * hands out the resource clients. Thread-safe; create one and share it. Close it when done.
 *
 * <pre>{@code
 * try (BctrlClient client = BctrlClient.fromEnv()) {
 *   for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
 *     System.out.println(invocation.status());
 *   }
 * }
 * }</pre>
 */
public final class BctrlClient implements AutoCloseable {
  /** The production API. */
  public static final String DEFAULT_BASE_URL = "https://api.bctrl.ai";

  /** Timeout of each attempt unless the builder or the call sets one. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Bound on connecting (TCP and, for https, the TLS handshake) within each attempt unless the
   * builder sets one.
   */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Retries after the first attempt unless the builder or the call sets a number. */
  public static final int DEFAULT_MAX_RETRIES = 2;

  /**
   * Async requests the SDK's own OkHttp client runs at once, to the API's host and in all, before
   * it queues more (OkHttp's own default is 5 per host). Sync calls run on their caller's thread.
   */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  private final ClientConfig config;
  private final Transport transport;
  private final RunsClient runs;

  private BctrlClient(ClientConfig config) {
    this.config = config;
    this.transport = new Transport(config);
    this.runs = new HttpRunsClient(transport);
  }

  /**
   * Returns a builder. Settings left unset come from the environment: {@code BCTRL_API_KEY}, {@code
   * BCTRL_BASE_URL}, {@code BCTRL_LOG}.
   */
  public static Builder builder() {
    return new Builder(System::getenv);
  }

  /**
   * Returns a client configured from the environment only.
   *
   * @throws BctrlException if {@code BCTRL_API_KEY} is not set
   * @throws IllegalArgumentException if {@code BCTRL_BASE_URL} or {@code BCTRL_LOG} is invalid
   */
  public static BctrlClient fromEnv() {
    return builder().build();
  }

  /** Returns the client for runs and their invocations. */
  public RunsClient runs() {
    return runs;
  }

  /** For tests that declare an endpoint of their own on this client's transport. */
  Transport transport() {
    return transport;
  }

  /**
   * Releases the client's retry scheduler and, if the SDK created the {@link OkHttpClient}, its
   * connections and dispatcher threads. A caller-supplied OkHttpClient is left open.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "BctrlClient{baseUrl="
        + config.baseUrl()
        + ", timeout="
        + config.timeout()
        + ", maxRetries="
        + config.maxRetries()
        + ", logLevel="
        + config.logLevel()
        + "}";
  }

  /** Builds a {@link BctrlClient}. */
  public static final class Builder {
    private final Function<String, @Nullable String> env;
    private @Nullable String apiKey;
    private @Nullable String baseUrl;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private @Nullable Duration totalTimeout;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private @Nullable RequestListener requestListener;
    private @Nullable OkHttpClient okHttpClient;
    private boolean allowInsecureHttp;
    private @Nullable LogLevel logLevel;
    private @Nullable Delayer delayer;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Builder(Function<String, @Nullable String> env) {
      this.env = env;
    }

    /**
     * Sets the API key, sent as {@code Authorization: Bearer <key>}. Unset: {@code BCTRL_API_KEY}.
     *
     * @throws IllegalArgumentException if the key is null or has a character a header cannot carry
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Checks.apiKey(apiKey);
      return this;
    }

    /**
     * Sets the API's base URL, e.g. {@code http://localhost:8787} for the local gateway. Unset:
     * {@code BCTRL_BASE_URL}, else {@value #DEFAULT_BASE_URL}.
     *
     * @throws IllegalArgumentException if it is null or not an http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      parseBaseUrl(baseUrl);
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the timeout of each attempt (connect, send and receive together). Default 60 s. A
     * duration too long to count in nanoseconds (about 292 years) means no limit.
     *
     * @throws IllegalArgumentException if null, zero or negative
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long an attempt may take to connect: the TCP connection and, for https, the TLS
     * handshake. Default 10 s; the attempt's {@link #timeout} still bounds the whole attempt. A
     * connect timeout is not retried, and its exception names the host and port (an https base URL
     * aimed at a plain-HTTP port ends here).
     *
     * @throws IllegalArgumentException if null, zero or negative
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets how many times a failed call is retried (connection failures, timeouts, 408, 409, 429,
     * 5xx). Default 2, so 3 attempts in all; 0 disables retries.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Checks.nonNegative(maxRetries, "maxRetries");
      return this;
    }

    /**
     * Sets the most one page fetch may take, attempts and the waits between them together. When the
     * next wait would cross it the call stops at once with the last failure, and an attempt in
     * flight at the deadline ends with {@link ai.bctrl.errors.BctrlTimeoutException}, as does a
     * retry due at or after it (its cause is the last failure). Unset (the default): no bound
     * beyond {@link #timeout} per attempt and the retry budget. A duration too long to count in
     * nanoseconds (about 292 years) means no limit.
     *
     * @throws IllegalArgumentException if null, zero or negative
     */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = Checks.positive(totalTimeout, "totalTimeout");
      return this;
    }

    /**
     * Sets how many async requests the SDK's own OkHttp client runs at once (to the API's host, and
     * in all) before it queues more. Default {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}. Ignored
     * with {@link #okHttpClient}: a caller's client keeps its own dispatcher and limits.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException(
            "maxConcurrentRequests must be >= 1: " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * Sets a listener that hears about every attempt (start, response, failure, retry), for metrics
     * and traces.
     *
     * @throws IllegalArgumentException if null
     */
    public Builder requestListener(RequestListener requestListener) {
      if (requestListener == null) {
        throw new IllegalArgumentException("requestListener == null");
      }
      this.requestListener = requestListener;
      return this;
    }

    /**
     * Shares the caller's OkHttpClient: its connection pool, dispatcher and interceptors. The SDK
     * derives its own client from it with {@code newBuilder()}, so the SDK's timeouts and retries
     * still apply and the caller's client is not changed.
     *
     * @throws IllegalArgumentException if null
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      if (okHttpClient == null) {
        throw new IllegalArgumentException("okHttpClient == null");
      }
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * Allows a plain {@code http://} base URL on a host that is not loopback. Off by default, so
     * that an API key does not cross a network in clear text by accident.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Sets what the SDK logs to the {@code java.util.logging} logger {@code "ai.bctrl"}. Unset:
     * {@code BCTRL_LOG}, else {@link LogLevel#OFF}.
     *
     * @throws IllegalArgumentException if null
     */
    public Builder logLevel(LogLevel logLevel) {
      if (logLevel == null) {
        throw new IllegalArgumentException("logLevel == null");
      }
      this.logLevel = logLevel;
      return this;
    }

    /**
     * Adds a header to every call of the client, sent as given, replacing one of the same name set
     * here before; a call's {@code RequestOptions.Builder.header} of the same name wins over it.
     * Headers the SDK or HTTP itself owns ({@code Authorization}, {@code User-Agent}, {@code
     * Accept}, {@code Accept-Encoding}, {@code X-Bctrl-Retry-Count}, {@code Host}, {@code
     * Content-Length}, {@code Transfer-Encoding}, {@code Connection}) are refused. A value equal to
     * the API key is never logged.
     *
     * @throws IllegalArgumentException if the name is empty, invalid or owned, or the value has a
     *     line break or a non-ASCII character
     */
    public Builder header(String name, String value) {
      headers.put(Checks.headerName(name), Checks.headerValue(name, value));
      return this;
    }

    /** For tests: replaces real waiting between retries. */
    Builder delayer(Delayer delayer) {
      this.delayer = delayer;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws BctrlException if no API key was set and {@code BCTRL_API_KEY} is unset
     * @throws IllegalArgumentException if the base URL is invalid, or is plain http to a host that
     *     is not loopback without {@link #allowInsecureHttp(boolean)}
     */
    public BctrlClient build() {
      String key = apiKey != null ? apiKey : env.apply("BCTRL_API_KEY");
      if (key == null || key.trim().isEmpty()) {
        throw new BctrlException(
            "no API key: set the BCTRL_API_KEY environment variable or call"
                + " BctrlClient.builder().apiKey(...)");
      }
      Checks.apiKey(key);
      String url = baseUrl != null ? baseUrl : env.apply("BCTRL_BASE_URL");
      HttpUrl parsed = parseBaseUrl(url == null || url.isEmpty() ? DEFAULT_BASE_URL : url);
      if (!parsed.isHttps() && !allowInsecureHttp && !isLoopback(parsed.host())) {
        throw new IllegalArgumentException(
            "refusing to send the API key over plain http to "
                + parsed.host()
                + ": use https, or call allowInsecureHttp(true) if this network is trusted");
      }
      LogLevel level = logLevel != null ? logLevel : LogLevel.parse(env.apply("BCTRL_LOG"));
      ClientConfig config =
          new ClientConfig(
              parsed,
              key,
              timeout,
              connectTimeout,
              totalTimeout,
              maxRetries,
              Transport.httpClient(okHttpClient, maxConcurrentRequests),
              okHttpClient == null,
              level,
              requestListener,
              delayer,
              headers);
      return new BctrlClient(config);
    }

    private static HttpUrl parseBaseUrl(@Nullable String url) {
      if (url == null) {
        throw new IllegalArgumentException("baseUrl == null");
      }
      HttpUrl parsed = HttpUrl.parse(url.trim());
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

    /** Loopback by address or by the one name that means it; nothing by suffix. */
    private static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      return h.equals("localhost")
          || h.equals("::1")
          || h.equals("0:0:0:0:0:0:0:1")
          || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
  }
}
