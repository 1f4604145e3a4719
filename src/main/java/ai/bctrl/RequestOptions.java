package ai.bctrl;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for one call that override the client's: timeout per attempt, retry budget, and extra
 * headers. A walk over pages applies the first call's options to every page it fetches.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(5))
 *     .maxRetries(0)
 *     .header("X-Trace", "1")
 *     .build();
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  private final Duration timeout;
  private final Integer maxRetries;
  private final Map<String, String> headers;

  RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.maxRetries = builder.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
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
    builder.maxRetries = maxRetries;
    builder.headers.putAll(headers);
    return builder;
  }

  /** Returns the timeout of each attempt, when overridden. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Returns the number of retries after the first attempt, when overridden. */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** Returns the extra headers, in the order they were added. */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) o;
    return Objects.equals(timeout, that.timeout)
        && Objects.equals(maxRetries, that.maxRetries)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, maxRetries, headers);
  }

  @Override
  public String toString() {
    // Header values may hold credentials (a caller's own Authorization); show names only.
    return "RequestOptions{timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", headers="
        + headers.keySet()
        + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();

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
     * Sets how many times this call is retried after its first attempt; 0 disables retries.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Checks.nonNegative(maxRetries, "maxRetries");
      return this;
    }

    /**
     * Adds a header to the request, replacing one of the same name set here before.
     *
     * @throws IllegalArgumentException if the name is empty or either contains a line break
     */
    public Builder header(String name, String value) {
      headers.put(Checks.headerName(name), Checks.headerValue(name, value));
      return this;
    }

    /** Returns the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
