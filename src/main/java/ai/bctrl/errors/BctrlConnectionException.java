package ai.bctrl.errors;

import org.jspecify.annotations.Nullable;

/**
 * The request never got an HTTP response: the connection was refused or dropped, or the body was
 * cut off. Retried automatically up to {@code maxRetries}; thrown once those are spent.
 */
public class BctrlConnectionException extends BctrlException {
  private static final long serialVersionUID = 1L;

  public BctrlConnectionException(
      String message, @Nullable Throwable cause, int attempts, @Nullable String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
  }
}
