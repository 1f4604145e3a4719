package ai.bctrl.errors;

import org.jspecify.annotations.Nullable;

/**
 * A walk over pages was stopped because the server's cursors would never end it: a {@code
 * nextCursor} came back that the walk had already followed, or too many empty pages came in a row.
 */
public class BctrlPaginationException extends BctrlException {
  private static final long serialVersionUID = 1L;

  public BctrlPaginationException(String message, @Nullable String resumeCursor) {
    super(message, null, 0, resumeCursor);
  }
}
