package ai.bctrl.errors;

/**
 * HTTP 429: too many requests. Retried after the server's {@code Retry-After}; when that is above
 * 60 s the SDK throws at once and {@link #retryAfter()} says how long to wait.
 */
public class RateLimitException extends BctrlApiException {
  private static final long serialVersionUID = 1L;

  RateLimitException(Fields fields) {
    super(fields);
  }
}
