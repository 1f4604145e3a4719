package ai.bctrl;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the public builders, with messages that name the argument. */
final class Checks {
  private Checks() {}

  /** What HTTP/1.1 carries in a header value as is: tab and printable ASCII. */
  private static final Pattern HEADER_SAFE = Pattern.compile("[\t\\x20-\\x7e]*");

  /** Headers that OkHttp or the SDK set, whose caller-given value would break the request. */
  private static final Pattern OWNED_HEADER =
      Pattern.compile(
          "content-length|transfer-encoding|host|connection|accept(-encoding)?|user-agent"
              + "|x-bctrl-retry-count",
          Pattern.CASE_INSENSITIVE);

  static <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " == null");
    }
    return value;
  }

  static Duration positive(Duration value, String name) {
    if (notNull(value, name).isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
    }
    return value;
  }

  /** Puts a header a caller gave into {@code headers}; the value is never echoed. */
  static void putHeader(Map<String, String> headers, String name, String value) {
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
    if (name.equalsIgnoreCase("authorization")) {
      throw new IllegalArgumentException(
          "the Authorization header is the SDK's: use RequestOptions.builder().apiKey(...) for a"
              + " per-call key");
    }
    if (OWNED_HEADER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "the " + name + " header is set by the SDK and OkHttp and cannot be overridden");
    }
    if (!HEADER_SAFE.matcher(notNull(value, "value of header " + name)).matches()) {
      throw new IllegalArgumentException(
          "value of header " + name + " contains a line break or a non-ASCII character");
    }
    headers.put(name, value);
  }

  /** Never echoed. */
  static String apiKey(String apiKey) {
    if (notNull(apiKey, "apiKey").trim().isEmpty()) {
      throw new IllegalArgumentException("apiKey is blank");
    }
    if (!HEADER_SAFE.matcher(apiKey).matches()) {
      throw new IllegalArgumentException(
          "apiKey contains a line break or a non-ASCII character (the key is not shown)");
    }
    return apiKey;
  }
}
