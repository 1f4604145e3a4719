package ai.bctrl.pagination;

import ai.bctrl.internal.CursorGuard;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The walk behind {@link CursorPage#prefetching()}: while the caller works through one page, the
 * next is already being fetched, never more than one ahead. A failed prefetch is thrown where the
 * caller would have fetched that page, and asking again retries it; {@link #close()} cancels a
 * fetch still in flight.
 */
final class PrefetchIterator<T> implements Iterator<T>, AutoCloseable {
  private final CursorGuard guard;
  private CursorPage<T> current;
  private List<T> items;
  private int index;
  private CompletableFuture<CursorPage<T>> ahead;

  PrefetchIterator(CursorPage<T> start) {
    this.guard = new CursorGuard(start.cursor().orElse(null));
    this.current = start;
    this.items = start.data();
    this.ahead = fetchAfter(start);
  }

  private CompletableFuture<CursorPage<T>> fetchAfter(CursorPage<T> page) {
    if (!page.hasNextPage()) {
      return null;
    }
    try {
      guard.beforeFollowing(page.data().isEmpty(), page.nextCursor().get());
    } catch (RuntimeException endless) {
      // Thrown when the caller reaches that page, like any other failure of its fetch.
      CompletableFuture<CursorPage<T>> failed = new CompletableFuture<>();
      failed.completeExceptionally(endless);
      return failed;
    }
    return page.nextPageAsync();
  }

  @Override
  public boolean hasNext() {
    while (index >= items.size()) {
      if (ahead == null) {
        return false;
      }
      CursorPage<T> next;
      try {
        next = ahead.join();
      } catch (CompletionException e) {
        // Asking again fetches the page again, as the plain walk does.
        ahead = current.nextPageAsync();
        Throwable cause = AsyncWalk.unwrap(e);
        throw cause instanceof RuntimeException ? (RuntimeException) cause : e;
      }
      current = next;
      items = next.data();
      index = 0;
      ahead = fetchAfter(next);
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return items.get(index++);
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
