package ai.bctrl.errors;

/**
 * An attempt took longer than its timeout ({@code BctrlClient.Builder.timeout} or {@code
 * RequestOptions.timeout}). Retried like any connection failure.
 */
public class BctrlTimeoutException extends BctrlConnectionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one readable line
   * @param cause the timeout as OkHttp reported it
   * @param attempts how many HTTP attempts were made
   * @param resumeCursor the cursor of the page being fetched, or null
   */
  public BctrlTimeoutException(String message, Throwable cause, int attempts, String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
  }
}
