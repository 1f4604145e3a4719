package ai.bctrl.errors;

/**
 * The request never got an HTTP response: the connection was refused or dropped, or the body was
 * cut off. Retried automatically up to {@code maxRetries}; thrown once those are spent.
 */
public class BctrlConnectionException extends BctrlException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one readable line
   * @param cause the I/O failure
   * @param attempts how many HTTP attempts were made
   * @param resumeCursor the cursor of the page being fetched, or null
   */
  public BctrlConnectionException(
      String message, Throwable cause, int attempts, String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
  }
}
