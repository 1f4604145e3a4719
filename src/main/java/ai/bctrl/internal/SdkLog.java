package ai.bctrl.internal;

import ai.bctrl.LogLevel;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * One line per attempt on the {@code java.util.logging} logger {@code "ai.bctrl"}, when the
 * client's log level asks for it. Lines are logged at {@link Level#INFO} so that the JDK's default
 * console handler shows them; the client's level, not the logger's, decides whether they are
 * written.
 */
final class SdkLog {
  static final Logger LOGGER = Logger.getLogger("ai.bctrl");

  private SdkLog() {}

  static void attempt(
      LogLevel level,
      Request request,
      int attempt,
      int maxAttempts,
      String result,
      long startNanos,
      Headers responseHeaders,
      String retryNote,
      String apiKey,
      String clientKey) {
    if (level == LogLevel.OFF || !LOGGER.isLoggable(Level.INFO)) {
      return;
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    StringBuilder line =
        new StringBuilder()
            .append(request.method())
            .append(' ')
            .append(request.url())
            .append(" -> ")
            .append(result)
            .append(" in ")
            .append(millis)
            .append(" ms (attempt ")
            .append(attempt)
            .append(" of ")
            .append(maxAttempts)
            .append(')');
    if (retryNote != null) {
      line.append("; ").append(retryNote);
    }
    if (level == LogLevel.DEBUG) {
      line.append("\n  request headers: ").append(redacted(request.headers()));
      if (responseHeaders != null) {
        line.append("\n  response headers: ").append(redacted(responseHeaders));
      }
    }
    // A server may echo the key (in a header, say), and a client header may hold the client's key
    // while a call uses its own: neither key is ever written.
    LOGGER.log(Level.INFO, Redaction.redact(line.toString(), apiKey, clientKey));
  }

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
      if (i > 0) {
        out.append(", ");
      }
      out.append(name).append('=').append(secret ? "[redacted]" : headers.value(i));
    }
    return out.append('}').toString();
  }
}
