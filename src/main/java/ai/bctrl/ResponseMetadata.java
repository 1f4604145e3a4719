package ai.bctrl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the HTTP exchange behind a successful page said besides its body: status, headers (for the
 * request id and rate-limit headers), and what the fetch cost in attempts and time. Immutable.
 */
public final class ResponseMetadata {
  private static final ResponseMetadata NONE = of(0, Collections.emptyMap(), 0, Duration.ZERO);

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final int attempts;
  private final Duration elapsed;

  private ResponseMetadata(
      int statusCode, Map<String, List<String>> headers, int attempts, Duration elapsed) {
    this.statusCode = statusCode;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
    this.headers = Collections.unmodifiableMap(copy);
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /** Metadata of a response, each argument as its accessor says; the SDK makes these, tests too. */
  public static ResponseMetadata of(
      int statusCode, Map<String, List<String>> headers, int attempts, Duration elapsed) {
    return new ResponseMetadata(statusCode, headers, attempts, elapsed);
  }

  /** Of a page no response produced: status 0, no headers, 0 attempts, zero elapsed. */
  public static ResponseMetadata none() {
    return NONE;
  }

  public int statusCode() {
    return statusCode;
  }

  /** Every header's values by name, names matched case-insensitively. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}, matched case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty()).map(v -> v.get(0));
  }

  /** The server's id for the request, from {@code X-Request-Id}; quote it when asking support. */
  public Optional<String> requestId() {
    return header("X-Request-Id");
  }

  /** How many attempts the fetch took: 1 when nothing was retried. */
  public int attempts() {
    return attempts;
  }

  /** How long the whole fetch took, attempts and the waits between them included. */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public String toString() {
    return String.format(
        "ResponseMetadata{status=%s, requestId=%s, attempts=%s, elapsed=%s}",
        statusCode, requestId().orElse(null), attempts, elapsed);
  }
}
