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
  INVALID_INPUT("invalid_input"),
  UNAUTHORIZED("unauthorized"),
  CAPABILITY_DENIED("capability_denied"),
  CAPABILITY_LIMIT_EXCEEDED("capability_limit_exceeded"),
  RATE_LIMITED("rate_limited"),
  NOT_FOUND("not_found"),
  CONFLICT("conflict"),
  UPSTREAM("upstream"),
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

  /**
   * Returns the wire string, e.g. {@code "rate_limited"}; null for {@link #UNKNOWN}.
   *
   * @return the value the API uses for this category
   */
  public String value() {
    return value;
  }

  /**
   * Returns the constant whose wire string is {@code value}, or {@link #UNKNOWN}.
   *
   * @param value a wire string such as {@code "not_found"}; null gives {@link #UNKNOWN}
   * @return the matching constant, never null
   */
  public static ReasonClass fromValue(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    ReasonClass found = BY_VALUE.get(value);
    return found != null ? found : UNKNOWN;
  }
}
