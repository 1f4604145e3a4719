package ai.bctrl.errors;

/**
 * A walk over pages was stopped because the server's cursors would never end it: a {@code
 * nextCursor} came back that the walk had already followed, or too many empty pages came in a row.
 */
public class BctrlPaginationException extends BctrlException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one readable line
   * @param resumeCursor the cursor the walk would have fetched next
   */
  public BctrlPaginationException(String message, String resumeCursor) {
    super(message, null, 0, resumeCursor);
  }
}
