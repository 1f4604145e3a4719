package ai.bctrl.errors;

import org.jspecify.annotations.Nullable;

/**
 * An attempt took longer than its timeout ({@code BctrlClient.Builder.timeout} or {@code
 * RequestOptions.timeout}). Retried like any connection failure.
 */
public class BctrlTimeoutException extends BctrlConnectionException {
  private static final long serialVersionUID = 1L;

  public BctrlTimeoutException(
      String message, @Nullable Throwable cause, int attempts, @Nullable String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
  }
}
