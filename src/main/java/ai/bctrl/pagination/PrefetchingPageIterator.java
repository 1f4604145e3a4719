package ai.bctrl.pagination;

import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlInterruptedException;
import ai.bctrl.errors.BctrlPaginationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The pages behind {@link CursorPage#prefetching()}: when a page is handed over, the next one is
 * requested at once, so it downloads while the caller works; never more than one ahead. A failed
 * prefetch is thrown where the caller asks for that page, and only asking again fetches it again;
 * an interrupt while waiting cancels the fetch; {@link #close()} cancels a fetch still in flight.
 */
final class PrefetchingPageIterator<T> implements Iterator<CursorPage<T>>, AutoCloseable {
  private final CursorGuard guard;
  private @Nullable CursorPage<T> last;
  private @Nullable CursorPage<T> pending;
  private @Nullable CompletableFuture<CursorPage<T>> ahead;
  private boolean refetch;

  PrefetchingPageIterator(CursorPage<T> start) {
    this.guard = new CursorGuard(start.cursor().orElse(null));
    this.pending = start;
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    // pending is null only once next() has handed a page over as last.
    CursorPage<T> current = Objects.requireNonNull(last);
    if (refetch) {
      // The prefetch failed and the caller asks again: fetch that page again, now.
      pending = current.nextPage();
      refetch = false;
      return true;
    }
    if (ahead == null) {
      return false;
    }
    try {
      pending = ahead.get();
    } catch (InterruptedException e) {
      ahead.cancel(true);
      ahead = null;
      refetch = true;
      Thread.currentThread().interrupt();
      throw new BctrlInterruptedException(
          "interrupted while waiting for the next page", e, 0, current.nextCursor().orElse(null));
    } catch (ExecutionException e) {
      Throwable cause = AsyncWalk.unwrap(e);
      if (!(cause instanceof BctrlPaginationException)) {
        // Not fetched again in the background: only if the caller asks again, as in the plain
        // walk. An endless walk stays failed.
        ahead = null;
        refetch = true;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new BctrlException("fetching the next page failed: " + cause, cause, 0, null);
    }
    return true;
  }

  @Override
  public CursorPage<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CursorPage<T> page = Objects.requireNonNull(pending); // hasNext() set it
    last = page;
    pending = null;
    ahead = fetchAfter(page);
    return page;
  }

  private @Nullable CompletableFuture<CursorPage<T>> fetchAfter(CursorPage<T> page) {
    if (!page.hasNextPage()) {
      return null;
    }
    try {
      guard.beforeFollowing(page);
    } catch (RuntimeException endless) {
      // Thrown when the caller reaches that page, like any other failure of its fetch.
      CompletableFuture<CursorPage<T>> failed = new CompletableFuture<>();
      failed.completeExceptionally(endless);
      return failed;
    }
    return page.nextPageAsync();
  }

  /** Cancels the fetch in flight, if any; the walk then ends after the current page. */
  @Override
  public void close() {
    if (ahead != null) {
      ahead.cancel(true);
      ahead = null;
    }
  }
}
