package ai.bctrl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call that override the client's (an empty {@code Optional} keeps the client's):
 * timeouts, retry budget, API key, extra headers and query parameters. A walk over pages applies
 * the first call's options to every page it fetches.
 *
 * <p>The builder refuses what {@link BctrlClient.Builder} refuses for the same setting.
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
    // The builder's lists are unmodifiable and replaced, never changed: shared as they are.
    this.queryParams = Collections.unmodifiableMap(new LinkedHashMap<>(builder.queryParams));
  }

  public static RequestOptions none() {
    return NONE;
  }

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
    builder.queryParams.putAll(queryParams);
    return builder;
  }

  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  public Optional<Duration> totalTimeout() {
    return Optional.ofNullable(totalTimeout);
  }

  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

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
    return o instanceof RequestOptions && fields().equals(((RequestOptions) o).fields());
  }

  @Override
  public int hashCode() {
    return fields().hashCode();
  }

  private List<@Nullable Object> fields() {
    return Arrays.asList(timeout, totalTimeout, maxRetries, apiKey, headers, queryParams);
  }

  @Override
  public String toString() {
    // Header and parameter values may hold credentials, and the key is one: names and presence.
    String key = apiKey == null ? "null" : "[set]";
    return String.format(
        "RequestOptions{timeout=%s, totalTimeout=%s, maxRetries=%s, apiKey=%s, headers=%s,"
            + " queryParams=%s}",
        timeout, totalTimeout, maxRetries, key, headers.keySet(), queryParams.keySet());
  }

  public static final class Builder {
    /** Set from the method's params; compared without case, as a server may. */
    private static final Pattern OWNED_QUERY_PARAM =
        Pattern.compile("cursor|limit|status|action", Pattern.CASE_INSENSITIVE);

    private @Nullable Duration timeout;
    private @Nullable Duration totalTimeout;
    private @Nullable Integer maxRetries;
    private @Nullable String apiKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> queryParams = new LinkedHashMap<>();

    Builder() {}

    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /** As {@link BctrlClient.Builder#totalTimeout}, for this call. */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = Checks.positive(totalTimeout, "totalTimeout");
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Checks.atLeast(maxRetries, 0, "maxRetries");
      return this;
    }

    /**
     * Sends this call and every later page of its walk with {@code apiKey} instead of the client's:
     * for a service acting for many tenants. Never printed.
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Checks.apiKey(apiKey);
      return this;
    }

    /**
     * Adds a header, sent as given, replacing one of the same name set here or on the client. The
     * SDK's and HTTP's own are refused (Authorization, User-Agent, Accept, Accept-Encoding,
     * X-Bctrl-Retry-Count, Host, Content-Length, Transfer-Encoding, Connection), as is a value with
     * a line break or a non-ASCII character.
     */
    public Builder header(String name, String value) {
      Checks.putHeader(headers, name, value);
      return this;
    }

    /**
     * Adds a query parameter, sent as given (percent-encoded as a URL needs), for one this SDK
     * version has no setting for; a name added again is sent repeated. The SDK's own ({@code
     * cursor}, {@code limit}, {@code status}, {@code action}, in any case) are refused.
     */
    public Builder queryParam(String name, String value) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("query parameter name is empty");
      }
      if (OWNED_QUERY_PARAM.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "the query parameter "
                + name
                + " is the SDK's: set it with the method's params (ListInvocationsParams)");
      }
      Checks.notNull(value, "value of query parameter " + name);
      List<String> values =
          new ArrayList<>(queryParams.getOrDefault(name, Collections.emptyList()));
      values.add(value);
      queryParams.put(name, Collections.unmodifiableList(values));
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
