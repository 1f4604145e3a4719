package ai.bctrl;

import org.jspecify.annotations.Nullable;

/**
 * How much the SDK logs through the {@code java.util.logging} logger {@code "ai.bctrl"}. Set with
 * {@code BctrlClient.Builder.logLevel} or the environment variable {@code BCTRL_LOG}. The {@code
 * Authorization} header is always redacted.
 */
public enum LogLevel {
  /** Nothing (the default). */
  OFF,
  /** One line per attempt: method, URL, status, duration, and why it is retried. */
  INFO,
  /** As {@link #INFO}, plus the request and response headers. */
  DEBUG;

  /**
   * Parses {@code BCTRL_LOG}-style text: {@code off}, {@code info} or {@code debug}, any case; null
   * or blank (the variable unset) is {@link #OFF}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static LogLevel parse(@Nullable String text) {
    if (text == null || text.trim().isEmpty()) {
      return OFF;
    }
    for (LogLevel level : values()) {
      if (level.name().equalsIgnoreCase(text.trim())) {
        return level;
      }
    }
    throw new IllegalArgumentException("log level must be off, info or debug: " + text);
  }
}
