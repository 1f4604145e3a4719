package ai.bctrl.internal;

import java.time.Duration;

/**
 * Durations as nanoseconds for deadlines and Okio timeouts. A duration too long to count in
 * nanoseconds (about 292 years) means no limit, so that no arithmetic on it can overflow.
 */
final class Durations {
  /** No limit. */
  static final long NONE = Long.MAX_VALUE;

  private Durations() {}

  /** {@code duration} in nanoseconds; {@link #NONE} for null or too long. */
  static long nanos(Duration duration) {
    if (duration == null) {
      return NONE;
    }
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return NONE;
    }
  }

  /** {@code start + nanos}, or {@link #NONE} when {@code nanos} is, or the sum overflows. */
  static long add(long start, long nanos) {
    if (nanos == NONE) {
      return NONE;
    }
    try {
      return Math.addExact(start, nanos);
    } catch (ArithmeticException tooLate) {
      return NONE;
    }
  }

  /** As Okio takes a timeout: 0 for none. */
  static long orZero(long nanos) {
    return nanos == NONE ? 0 : nanos;
  }

  /** For messages: {@code 200 ms}, {@code 10 s}, {@code 1500 ms}. */
  static String human(Duration duration) {
    return human(nanos(duration));
  }

  static String human(long nanos) {
    if (nanos == NONE) {
      return "(none)";
    }
    long millis = nanos / 1_000_000;
    if (millis == 0) {
      return (nanos / 1_000) + " us";
    }
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }
}
