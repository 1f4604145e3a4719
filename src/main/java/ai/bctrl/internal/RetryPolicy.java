package ai.bctrl.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * When to retry and how long to wait. Stateless: each call computes its own schedule from its
 * attempt number, so that no backoff state is shared between calls or threads.
 */
final class RetryPolicy {
  static final long INITIAL_BACKOFF_MS = 500;
  static final long MAX_BACKOFF_MS = 8_000;

  /** A server delay above this is not slept through; the caller gets the exception at once. */
  static final long MAX_SERVER_DELAY_MS = 60_000;

  private static final Pattern SECONDS = Pattern.compile("[0-9]+");
  private static final Pattern MILLIS = Pattern.compile("[0-9]{1,15}(\\.[0-9]+)?");

  private RetryPolicy() {}

  /** 408, 409, 429 and 5xx are transient; every other status is the caller's to fix. */
  static boolean isRetryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status < 600);
  }

  /**
   * Exponential backoff for retry number {@code retry} (1 for the first retry): 0.5 s, 1 s, 2 s, up
   * to 8 s, less up to a quarter at random so that clients that failed together do not return
   * together.
   */
  static long backoffMillis(int retry) {
    long capped = Math.min(INITIAL_BACKOFF_MS << Math.min(retry - 1, 10), MAX_BACKOFF_MS);
    return (long) (capped * (1.0 - 0.25 * ThreadLocalRandom.current().nextDouble()));
  }

  /**
   * The delay the server asked for: {@code Retry-After-Ms} (a non-negative number of milliseconds),
   * else {@code Retry-After} as RFC 9110 allows it (whole seconds, or an HTTP date). Null when
   * absent or not of those forms, so that the normal backoff applies; never negative.
   */
  static Duration serverDelay(Headers headers, long nowMillis) {
    String millis = headers.get("Retry-After-Ms");
    if (millis != null && MILLIS.matcher(millis.trim()).matches()) {
      return nonNegative((long) Double.parseDouble(millis.trim()));
    }
    String after = headers.get("Retry-After");
    if (after == null) {
      return null;
    }
    after = after.trim();
    if (SECONDS.matcher(after).matches()) {
      // Longer than any wait the SDK would sleep through (see MAX_SERVER_DELAY_MS).
      return after.length() > 9
          ? Duration.ofMillis(Long.MAX_VALUE)
          : Duration.ofSeconds(Long.parseLong(after));
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(after, DateTimeFormatter.RFC_1123_DATE_TIME);
      return nonNegative(date.toInstant().toEpochMilli() - nowMillis);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  private static Duration nonNegative(long millis) {
    return Duration.ofMillis(Math.max(0, millis));
  }
}
