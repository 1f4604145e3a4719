package ai.bctrl;

import java.time.Duration;
import java.util.Optional;

/**
 * Hears about every HTTP attempt a client makes, for metrics and traces. Methods run on the thread
 * that made the attempt or got its result (the caller's or OkHttp's), so keep them quick. One that
 * throws never breaks a call: its exception is logged on the {@code ai.bctrl} logger and dropped.
 * No event carries the API key or the query string.
 */
public interface RequestListener {
  /** An attempt is about to be sent. */
  default void attemptStarted(Attempt attempt) {}

  /** An attempt got a response, whatever its status. */
  default void responseReceived(
      Attempt attempt, int statusCode, Duration duration, Optional<String> requestId) {}

  /** An attempt got no response: the connection failed, or the attempt timed out. */
  default void attemptFailed(Attempt attempt, Exception failure) {}

  /**
   * The call will try again after {@code delay}; {@code reason} says why, e.g. {@code "status 503"}
   * or {@code "connection failed"}.
   */
  default void retryScheduled(Attempt attempt, Duration delay, String reason) {}

  /** Which attempt an event is about. Immutable. */
  final class Attempt {
    private final String method;
    private final String path;
    private final int number;

    public Attempt(String method, String path, int number) {
      this.method = method;
      this.path = path;
      this.number = number;
    }

    public String method() {
      return method;
    }

    /** The URL path, without the query (which may carry cursors). */
    public String path() {
      return path;
    }

    /** 1 for the first attempt, 2 for the first retry, and so on. */
    public int number() {
      return number;
    }

    @Override
    public String toString() {
      return method + " " + path + " (attempt " + number + ")";
    }
  }
}
