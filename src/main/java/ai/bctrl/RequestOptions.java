package ai.bctrl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call that override the client's: timeouts, retry budget, API key, extra headers
 * and extra query parameters. A walk over pages applies the first call's options to every page it
 * fetches.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(5))
 *     .maxRetries(0)
 *     .header("X-Trace", "1")
 *     .queryParam("include", "steps")
 *     .build();
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  private final @Nullable Duration timeout;
  private final @Nullable Duration totalTimeout;
  private final @Nullable Integer maxRetries;
  private final @Nullable String apiKey;
  private final Map<String, String> headers;
  private final Map<String, List<String>> queryParams;

  RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.totalTimeout = builder.totalTimeout;
    this.maxRetries = builder.maxRetries;
    this.apiKey = builder.apiKey;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> param : builder.queryParams.entrySet()) {
      params.put(param.getKey(), Collections.unmodifiableList(new ArrayList<>(param.getValue())));
    }
    this.queryParams = Collections.unmodifiableMap(params);
  }

  /** Returns options that override nothing. */
  public static RequestOptions none() {
    return NONE;
  }

  /** Returns a builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these options, to derive a changed copy. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.totalTimeout = totalTimeout;
    builder.maxRetries = maxRetries;
    builder.apiKey = apiKey;
    builder.headers.putAll(headers);
    for (Map.Entry<String, List<String>> param : queryParams.entrySet()) {
      builder.queryParams.put(param.getKey(), new ArrayList<>(param.getValue()));
    }
    return builder;
  }

  /** The timeout of each attempt, when overridden. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The most one page fetch may take, attempts and waits together, when overridden. */
  public Optional<Duration> totalTimeout() {
    return Optional.ofNullable(totalTimeout);
  }

  /** The number of retries after the first attempt, when overridden. */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** The API key for this call and its walk, when it replaces the client's. */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  /** The extra headers, in the order they were added. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The extra query parameters, each name with its values, in the order they were added. */
  public Map<String, List<String>> queryParams() {
    return queryParams;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) o;
    return Objects.equals(timeout, that.timeout)
        && Objects.equals(totalTimeout, that.totalTimeout)
        && Objects.equals(maxRetries, that.maxRetries)
        && Objects.equals(apiKey, that.apiKey)
        && headers.equals(that.headers)
        && queryParams.equals(that.queryParams);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, totalTimeout, maxRetries, apiKey, headers, queryParams);
  }

  @Override
  public String toString() {
    // Header and parameter values may hold credentials, and the key is one: names and presence.
    return "RequestOptions{timeout="
        + timeout
        + ", totalTimeout="
        + totalTimeout
        + ", maxRetries="
        + maxRetries
        + ", apiKey="
        + (apiKey == null ? "null" : "[set]")
        + ", headers="
        + headers.keySet()
        + ", queryParams="
        + queryParams.keySet()
        + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable Duration totalTimeout;
    private @Nullable Integer maxRetries;
    private @Nullable String apiKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> queryParams = new LinkedHashMap<>();

    Builder() {}

    /**
     * Sets the timeout of each attempt for this call.
     *
     * @throws IllegalArgumentException if the timeout is null, zero or negative
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /**
     * Sets the most one page fetch of this call may take, attempts and the waits between them
     * together; see {@code BctrlClient.Builder.totalTimeout}.
     *
     * @throws IllegalArgumentException if null, zero or negative
     */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = Checks.positive(totalTimeout, "totalTimeout");
      return this;
    }

    /**
     * Sets how many times this call is retried after its first attempt; 0 disables retries.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Checks.nonNegative(maxRetries, "maxRetries");
      return this;
    }

    /**
     * Sends this call, and every later page of its walk, with {@code apiKey} instead of the
     * client's: for a service acting for many tenants. Never printed.
     *
     * @throws IllegalArgumentException if null, blank, or with a character a header cannot carry
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Checks.apiKey(apiKey);
      return this;
    }

    /**
     * Adds a header to the request, replacing one of the same name set here before or for the whole
     * client ({@code BctrlClient.Builder.header}). Headers the SDK or HTTP itself owns ({@code
     * Authorization}, {@code User-Agent}, {@code Accept}, {@code Accept-Encoding}, {@code
     * X-Bctrl-Retry-Count}, {@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code
     * Connection}) are refused.
     *
     * @throws IllegalArgumentException if the name is empty, invalid or owned, or the value has a
     *     line break or a non-ASCII character
     */
    public Builder header(String name, String value) {
      headers.put(Checks.headerName(name), Checks.headerValue(name, value));
      return this;
    }

    /**
     * Adds a query parameter to the request, sent as given (percent-encoded as a URL needs): for a
     * parameter the API accepts that this SDK version has no setting for. Adding a name again adds
     * another value, sent as a repeated parameter. The parameters the SDK sets ({@code cursor},
     * {@code limit}, {@code status}, {@code action}, in any case) are refused: set them with the
     * method's params.
     *
     * @throws IllegalArgumentException if the name is empty or the SDK's, or the value is null
     */
    public Builder queryParam(String name, String value) {
      List<String> values = queryParams.get(Checks.queryParamName(name));
      if (values == null) {
        values = new ArrayList<>();
        queryParams.put(name, values);
      }
      values.add(Checks.queryParamValue(name, value));
      return this;
    }

    /** Returns the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
