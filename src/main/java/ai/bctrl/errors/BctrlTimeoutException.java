package ai.bctrl.errors;

/**
 * An attempt took longer than its timeout ({@code BctrlClient.Builder.timeout} or {@code
 * RequestOptions.timeout}). Retried like any connection failure.
 */
public class BctrlTimeoutException extends BctrlConnectionException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public BctrlTimeoutException(String message, Throwable cause, int attempts, String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
  }
}
