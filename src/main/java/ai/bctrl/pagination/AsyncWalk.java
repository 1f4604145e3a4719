package ai.bctrl.pagination;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One non-blocking walk for {@link CursorPage#forEachAsync}: hand a page's items to the action,
 * then fetch the next page asynchronously, until a page has no next cursor.
 */
final class AsyncWalk<T> {
  private final CompletableFuture<Void> result = new CompletableFuture<>();
  private final CursorPage<T> start;
  private final Consumer<? super T> action;
  private final @Nullable Executor executor;
  private final CursorGuard guard;
  private volatile @Nullable CompletableFuture<CursorPage<T>> inFlight;

  AsyncWalk(CursorPage<T> start, Consumer<? super T> action, @Nullable Executor executor) {
    this.start = start;
    this.action = action;
    this.executor = executor;
    this.guard = new CursorGuard(start.cursor().orElse(null));
    result.whenComplete(
        (ignored, error) -> {
          CompletableFuture<CursorPage<T>> fetch = inFlight;
          if (result.isCancelled() && fetch != null) {
            fetch.cancel(true);
          }
        });
  }

  CompletableFuture<Void> start() {
    handOver(start);
    return result;
  }

  private void handOver(CursorPage<T> page) {
    if (executor == null) {
      deliver(page);
      return;
    }
    try {
      executor.execute(() -> deliver(page));
    } catch (RuntimeException rejected) {
      result.completeExceptionally(rejected);
    }
  }

  private void deliver(CursorPage<T> first) {
    CursorPage<T> page = first;
    // A loop, not recursion, for fetches that are already complete: a long walk over pages
    // that arrive at once must not grow the stack.
    while (!result.isDone()) {
      try {
        for (T item : page.data()) {
          action.accept(item);
        }
        if (!page.hasNextPage()) {
          result.complete(null);
          return;
        }
        guard.beforeFollowing(page);
      } catch (Throwable failure) {
        result.completeExceptionally(failure);
        return;
      }
      CompletableFuture<CursorPage<T>> fetch = page.nextPageAsync();
      inFlight = fetch;
      if (result.isCancelled()) {
        fetch.cancel(true);
        return;
      }
      if (!fetch.isDone() || executor != null) {
        fetch.whenComplete(
            (next, error) -> {
              if (error != null) {
                result.completeExceptionally(unwrap(error));
              } else {
                handOver(next);
              }
            });
        return;
      }
      try {
        page = fetch.get();
      } catch (ExecutionException | InterruptedException | RuntimeException e) {
        result.completeExceptionally(unwrap(e));
        return;
      }
    }
  }

  /** The caller sees the SDK's own exception as the direct cause, never wrapped twice. */
  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
