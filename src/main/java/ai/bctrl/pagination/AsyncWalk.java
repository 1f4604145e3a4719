package ai.bctrl.pagination;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@link CursorPage#forEachAsync} on the one {@link PageWalk}: hand a page's items to the action,
 * then fetch the next page asynchronously, until a page has no next cursor.
 */
final class AsyncWalk<T> {
  private final CompletableFuture<Void> result = new CompletableFuture<>();
  private final PageWalk<T> walk;
  private final Consumer<? super T> action;
  private final @Nullable Executor executor;
  private volatile @Nullable CompletableFuture<CursorPage<T>> inFlight;

  AsyncWalk(CursorPage<T> start, Consumer<? super T> action, @Nullable Executor executor) {
    this.walk = new PageWalk<>(start, false);
    this.action = action;
    this.executor = executor;
    result.whenComplete(
        (ignored, error) -> {
          CompletableFuture<CursorPage<T>> fetch = inFlight;
          if (result.isCancelled() && fetch != null) {
            fetch.cancel(true);
          }
        });
  }

  CompletableFuture<Void> start() {
    handOver();
    return result;
  }

  /** Delivers the walk's next page, on the executor if there is one. */
  private void handOver() {
    if (executor == null) {
      deliver();
      return;
    }
    try {
      executor.execute(this::deliver);
    } catch (RuntimeException rejected) {
      result.completeExceptionally(rejected);
    }
  }

  private void deliver() {
    // A loop, not recursion, for fetches that are already complete: a long walk over pages
    // that arrive at once must not grow the stack.
    while (!result.isDone()) {
      CompletableFuture<CursorPage<T>> fetch;
      try {
        for (T item : walk.next().data()) {
          action.accept(item);
        }
        fetch = walk.ahead();
      } catch (Throwable failure) {
        result.completeExceptionally(failure);
        return;
      }
      if (fetch == null) {
        result.complete(null);
        return;
      }
      inFlight = fetch;
      if (result.isCancelled()) {
        fetch.cancel(true);
        return;
      }
      if (!fetch.isDone() || executor != null) {
        fetch.whenComplete(
            (next, error) -> {
              if (error != null) {
                result.completeExceptionally(PageWalk.unwrap(error));
              } else {
                handOver();
              }
            });
        return;
      }
    }
  }
}
