package ai.bctrl;

import org.jspecify.annotations.Nullable;

/**
 * How much the SDK logs through the {@code java.util.logging} logger {@code "ai.bctrl"}; the API
 * key is always redacted.
 */
public enum LogLevel {
  /** Nothing (the default). */
  OFF,
  /** One line per attempt: method, URL, status, duration, and why it is retried. */
  INFO,
  /** As {@link #INFO}, plus the request and response headers. */
  DEBUG;

  /**
   * Parses {@code off}, {@code info} or {@code debug} in any case; null or blank (the variable
   * unset) is {@link #OFF}, and any other text an {@link IllegalArgumentException}.
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
