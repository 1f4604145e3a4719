package ai.bctrl.errors;

import org.jspecify.annotations.Nullable;

/**
 * The thread running a sync call (or a prefetching walk's consumer) was interrupted, while an
 * attempt was in flight, while waiting to retry, or before the call started: the call stops and
 * retries nothing. The thread's interrupt flag stays set, so that code further up still sees it.
 * Never thrown for an async call, whose attempts run on other threads.
 */
public class BctrlInterruptedException extends BctrlException {
  private static final long serialVersionUID = 1L;

  public BctrlInterruptedException(
      String message, @Nullable Throwable cause, int attempts, @Nullable String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
  }
}
