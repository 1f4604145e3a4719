package ai.bctrl;

import java.time.Duration;

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

  static String headerName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        throw new IllegalArgumentException("header name has an invalid character: " + name);
      }
    }
    return name;
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
