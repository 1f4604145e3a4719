package ai.bctrl;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Argument checks shared by the public builders, with messages that name the argument. */
final class Checks {
  private Checks() {}

  static Duration positive(Duration value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " == null");
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0: " + value);
    }
    return value;
  }

  /** True when HTTP/1.1 can carry {@code value} in a header as is: tab or printable ASCII. */
  static boolean isHeaderSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7e)) {
        return false;
      }
    }
    return true;
  }

  /** Headers that OkHttp or the SDK set, whose caller-given value would break the request. */
  private static final Set<String> OWNED_HEADERS =
      new HashSet<>(
          Arrays.asList(
              "content-length",
              "transfer-encoding",
              "host",
              "connection",
              "accept-encoding",
              "accept",
              "user-agent",
              "x-bctrl-retry-count"));

  /** Query parameters the SDK sets from its own arguments: the page cursor and the filters. */
  private static final Set<String> OWNED_QUERY_PARAMS =
      new HashSet<>(Arrays.asList("cursor", "limit", "status", "action"));

  static String headerName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        // Not echoed: a name such as "Authorization: Bearer <key>" would print the key.
        throw new IllegalArgumentException(
            "header name has an invalid character at index " + i + " (the name is not shown)");
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization")) {
      throw new IllegalArgumentException(
          "the Authorization header is the SDK's: use RequestOptions.builder().apiKey(...) for a"
              + " per-call key");
    }
    if (OWNED_HEADERS.contains(lower)) {
      throw new IllegalArgumentException(
          "the " + name + " header is set by the SDK and OkHttp and cannot be overridden");
    }
    return name;
  }

  /**
   * A query parameter name a caller may add: not empty, and not one the SDK sets (compared without
   * case, as a server may).
   */
  static String queryParamName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("query parameter name is empty");
    }
    if (OWNED_QUERY_PARAMS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "the query parameter "
              + name
              + " is the SDK's: set it with the method's params (ListInvocationsParams)");
    }
    return name;
  }

  static String queryParamValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("value of query parameter " + name + " == null");
    }
    return value;
  }

  /** A key as the builders take it: never echoed in a message. */
  static String apiKey(String apiKey) {
    if (apiKey == null) {
      throw new IllegalArgumentException("apiKey == null");
    }
    if (apiKey.trim().isEmpty()) {
      throw new IllegalArgumentException("apiKey is blank");
    }
    if (!isHeaderSafe(apiKey)) {
      throw new IllegalArgumentException(
          "apiKey contains a line break or a non-ASCII character (the key is not shown)");
    }
    return apiKey;
  }

  static String headerValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("value of header " + name + " == null");
    }
    if (!isHeaderSafe(value)) {
      // The value is not echoed: it may be a credential.
      throw new IllegalArgumentException(
          "value of header " + name + " contains a line break or a non-ASCII character");
    }
    return value;
  }
}
