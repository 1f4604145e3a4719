package ai.bctrl.errors;

import org.jspecify.annotations.Nullable;

/**
 * The client was closed ({@code BctrlClient.close()}) before the call started or while it was under
 * way: nothing more is sent, and a wait to retry ends at once. A sync call throws it; an async
 * call's future completes with it, unless the caller cancelled the future first (then it stays
 * cancelled, as {@link java.util.concurrent.CompletableFuture} defines). Not retried.
 */
public class BctrlClosedException extends BctrlException {
  private static final long serialVersionUID = 1L;

  public BctrlClosedException(
      String message, @Nullable Throwable cause, int attempts, @Nullable String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
  }
}
