package ai.bctrl.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One request {@link LocalGateway} received, for a test's assertions. Immutable. */
public final class ReceivedRequest {
  private final int number;
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;

  ReceivedRequest(
      int number,
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers) {
    this.number = number;
    this.method = method;
    this.path = path;
    this.query = Collections.unmodifiableMap(query);
    Map<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      caseless.put(
          header.getKey(), Collections.unmodifiableList(new ArrayList<>(header.getValue())));
    }
    this.headers = Collections.unmodifiableMap(caseless);
  }

  /** 1 for the first request the gateway received, and so on. */
  public int number() {
    return number;
  }

  public String method() {
    return method;
  }

  /** The decoded path, e.g. {@code /v1/runs/demo-run/invocations}. */
  public String path() {
    return path;
  }

  /** Every query parameter's decoded values, in the order sent. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** The first value of query parameter {@code name}, e.g. {@code cursor}. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty()
        ? Optional.<String>empty()
        : Optional.of(values.get(0));
  }

  /** Every header's values, names matched case-insensitively. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}, matched case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty()
        ? Optional.<String>empty()
        : Optional.of(values.get(0));
  }

  @Override
  public String toString() {
    // Authorization is left out: it carries the key.
    return "ReceivedRequest{#" + number + " " + method + " " + path + " " + query + "}";
  }
}
