package ai.bctrl.models;

import java.util.HashMap;
import java.util.Map;

/**
 * The kind of browser-automation work an invocation performs, as the API reports it in {@code
 * action}.
 *
 * <p>The set is open: a value this SDK version does not know decodes as {@link #UNKNOWN}, and the
 * model that carried it keeps the wire string (see {@link InvocationSummary#actionValue()}).
 */
public enum InvocationAction {
  /** Performs an action on the page, such as a click or typing. */
  ACT("act"),
  /** Finds the elements on the page that match an instruction. */
  OBSERVE("observe"),
  /** Extracts structured data from the page. */
  EXTRACT("extract"),
  /** A multi-step task run by the browser-use agent. */
  BROWSER_USE("browserUse"),
  /** A multi-step task run by the Stagehand agent. */
  STAGEHAND_AGENT("stagehandAgent"),
  /** Solves a captcha on the page. */
  SOLVE_CAPTCHA("solveCaptcha"),
  /** An action the API sent that this SDK version does not know. Never sent as a filter. */
  UNKNOWN(null);

  private static final Map<String, InvocationAction> BY_VALUE = new HashMap<>();

  static {
    for (InvocationAction constant : values()) {
      if (constant.value != null) {
        BY_VALUE.put(constant.value, constant);
      }
    }
  }

  private final String value;

  InvocationAction(String value) {
    this.value = value;
  }

  /** The wire string, e.g. {@code "browserUse"}; null for {@link #UNKNOWN}. */
  public String value() {
    return value;
  }

  /** True for the constants the API documents; false for {@link #UNKNOWN}. */
  public boolean isKnown() {
    return this != UNKNOWN;
  }

  /** Returns the constant whose wire string is {@code value}, or {@link #UNKNOWN}. */
  public static InvocationAction fromValue(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    InvocationAction found = BY_VALUE.get(value);
    return found != null ? found : UNKNOWN;
  }
}
