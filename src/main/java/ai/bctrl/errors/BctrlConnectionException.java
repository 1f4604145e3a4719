package ai.bctrl.errors;

/**
 * The request never got an HTTP response: the connection was refused or dropped, or the body was
 * cut off. Retried automatically up to {@code maxRetries}; thrown once those are spent.
 */
public class BctrlConnectionException extends BctrlException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public BctrlConnectionException(
      String message, Throwable cause, int attempts, String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
  }
}
