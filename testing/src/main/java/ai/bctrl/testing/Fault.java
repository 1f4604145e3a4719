package ai.bctrl.testing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What {@link LocalGateway} does to a request instead of (or before) answering it normally: an
 * error status in the API's error shape, a dropped connection, or a delay. Immutable.
 *
 * <pre>{@code
 * LocalGateway.builder().failRequest(2, Fault.status(503).retryAfter("0"))
 * }</pre>
 */
public final class Fault {
  enum Kind {
    STATUS,
    DROP,
    DELAY
  }

  final Kind kind;
  final int status;
  final @Nullable String retryAfter;

  /** How long a delay fault waits; zero for the other kinds. */
  final Duration delay;

  private Fault(Kind kind, int status, @Nullable String retryAfter, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.delay = delay;
  }

  /** Answers with {@code status} (400 to 599) and an error body in the API's shape. */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400 to 599: " + status);
    }
    return new Fault(Kind.STATUS, status, null, Duration.ZERO);
  }

  /** Closes the connection without answering, as a crashed server or a proxy would. */
  public static Fault dropConnection() {
    return new Fault(Kind.DROP, 0, null, Duration.ZERO);
  }

  /** Waits {@code delay}, then answers normally. */
  public static Fault delay(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must be zero or positive: " + delay);
    }
    return new Fault(Kind.DELAY, 0, null, delay);
  }

  /** The same status fault with a {@code Retry-After} header, e.g. {@code "0"} or {@code "2"}. */
  public Fault retryAfter(String value) {
    if (kind != Kind.STATUS) {
      throw new IllegalStateException("only a status fault carries Retry-After");
    }
    if (value == null) {
      throw new IllegalArgumentException("retryAfter == null");
    }
    return new Fault(kind, status, value, Duration.ZERO);
  }

  @Override
  public String toString() {
    switch (kind) {
      case STATUS:
        return "Fault{status="
            + status
            + (retryAfter == null ? "" : ", retryAfter=" + retryAfter)
            + "}";
      case DROP:
        return "Fault{dropConnection}";
      default:
        return "Fault{delay=" + delay + "}";
    }
  }
}
