package ai.bctrl.models;

import java.util.HashMap;
import java.util.Map;

/**
 * The API's stable error category, for branching on a failure without parsing its code.
 *
 * <p>The set is open: a category this SDK version does not know, or an error body without one, is
 * {@link #UNKNOWN}; {@link ErrorResponse#reasonClassValue()} keeps the wire string.
 */
public enum ReasonClass {
  /** The request's input was invalid. */
  INVALID_INPUT("invalid_input"),
  /** The API key is missing or invalid. */
  UNAUTHORIZED("unauthorized"),
  /** The key may not use this capability. */
  CAPABILITY_DENIED("capability_denied"),
  /** A usage limit of the capability was reached. */
  CAPABILITY_LIMIT_EXCEEDED("capability_limit_exceeded"),
  /** Too many requests; retry later. */
  RATE_LIMITED("rate_limited"),
  /** The resource does not exist. */
  NOT_FOUND("not_found"),
  /** The resource is in a conflicting state. */
  CONFLICT("conflict"),
  /** A service the API depends on failed. */
  UPSTREAM("upstream"),
  /** The API itself failed. */
  SERVER("server"),
  /** Absent, or a category this SDK version does not know. */
  UNKNOWN(null);

  private static final Map<String, ReasonClass> BY_VALUE = new HashMap<>();

  static {
    for (ReasonClass constant : values()) {
      if (constant.value != null) {
        BY_VALUE.put(constant.value, constant);
      }
    }
  }

  private final String value;

  ReasonClass(String value) {
    this.value = value;
  }

  /** The wire string, e.g. {@code "rate_limited"}; null for {@link #UNKNOWN}. */
  public String value() {
    return value;
  }

  /** True for the constants the API documents; false for {@link #UNKNOWN}. */
  public boolean isKnown() {
    return this != UNKNOWN;
  }

  /** Returns the constant whose wire string is {@code value}, or {@link #UNKNOWN}. */
  public static ReasonClass fromValue(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    ReasonClass found = BY_VALUE.get(value);
    return found != null ? found : UNKNOWN;
  }
}
