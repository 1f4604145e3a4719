package ai.bctrl.internal;

import java.util.logging.Logger;
import okhttp3.Headers;

/**
 * The {@code java.util.logging} logger {@code "ai.bctrl"}. A call's lines (one per attempt) are
 * logged at INFO, so that the JDK's default console handler shows them; the client's log level, not
 * the logger's, decides whether they are written.
 */
final class SdkLog {
  static final Logger LOGGER = Logger.getLogger("ai.bctrl");

  private SdkLog() {}

  /** Header lines with credentials replaced, so that a log never carries the API key. */
  static String redacted(Headers headers) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret =
          name.equalsIgnoreCase("Authorization")
              || name.equalsIgnoreCase("Proxy-Authorization")
              || name.equalsIgnoreCase("Cookie")
              || name.equalsIgnoreCase("Set-Cookie");
      out.append(i > 0 ? ", " : "").append(name).append('=');
      out.append(secret ? Redaction.REPLACEMENT : headers.value(i));
    }
    return out.append('}').toString();
  }
}
