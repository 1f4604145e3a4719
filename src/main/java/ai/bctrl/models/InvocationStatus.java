package ai.bctrl.models;

import java.util.HashMap;
import java.util.Map;

/**
 * Lifecycle state of an invocation, as the API reports it in {@code status}.
 *
 * <p>The set is open: a value this SDK version does not know decodes as {@link #UNKNOWN}, and the
 * model that carried it keeps the wire string (see {@link InvocationSummary#statusValue()}).
 */
public enum InvocationStatus {
  /** Accepted and waiting for a runtime. */
  QUEUED("queued"),
  /** Being handed to a browser runtime. */
  DISPATCHING("dispatching"),
  /** Running in a browser runtime. */
  RUNNING("running"),
  /** Cancellation was asked for and is under way. */
  CANCELLING("cancelling"),
  /** Finished and did what it was asked. */
  SUCCEEDED("succeeded"),
  /** Finished with an error; see {@link InvocationSummary#error()}. */
  FAILED("failed"),
  /** Stopped by a cancellation. */
  CANCELLED("cancelled"),
  /** Stopped for exceeding its time limit. */
  TIMED_OUT("timed_out"),
  /** A status the API sent that this SDK version does not know. Never sent as a filter. */
  UNKNOWN(null);

  private static final Map<String, InvocationStatus> BY_VALUE = new HashMap<>();

  static {
    for (InvocationStatus constant : values()) {
      if (constant.value != null) {
        BY_VALUE.put(constant.value, constant);
      }
    }
  }

  private final String value;

  InvocationStatus(String value) {
    this.value = value;
  }

  /** The wire string, e.g. {@code "timed_out"}; null for {@link #UNKNOWN}. */
  public String value() {
    return value;
  }

  /** True for the constants the API documents; false for {@link #UNKNOWN}. */
  public boolean isKnown() {
    return this != UNKNOWN;
  }

  /**
   * Returns true for the states an invocation never leaves: succeeded, failed, cancelled and
   * timed_out.
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == TIMED_OUT;
  }

  /** Returns the constant whose wire string is {@code value}, or {@link #UNKNOWN}. */
  public static InvocationStatus fromValue(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    InvocationStatus found = BY_VALUE.get(value);
    return found != null ? found : UNKNOWN;
  }
}
