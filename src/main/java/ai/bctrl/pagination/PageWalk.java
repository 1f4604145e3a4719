package ai.bctrl.pagination;

import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlInterruptedException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The one walk over pages from a start page, behind the for-each iterator, {@link
 * CursorPage#prefetching()} and {@link CursorPage#forEachAsync}: it hands out each page in turn and
 * follows a page's next cursor only after the {@link CursorGuard} lets it, once per page.
 *
 * <p>When fetching a page fails, the walk stays where it was: asking again fetches that page again.
 * A prefetching walk requests the next page as soon as it hands one out, never more than one ahead;
 * a failed prefetch is thrown where the caller asks for that page, an interrupt while waiting for
 * it cancels it, and {@link #close()} cancels one still in flight.
 */
final class PageWalk<T> implements Iterator<CursorPage<T>>, AutoCloseable {
  private final CursorGuard guard;
  private final boolean prefetch;
  private @Nullable CursorPage<T> last;
  private @Nullable CursorPage<T> pending;
  private @Nullable CompletableFuture<CursorPage<T>> ahead;
  private boolean followed;

  PageWalk(CursorPage<T> start, boolean prefetch) {
    this.guard = new CursorGuard(start.cursor().orElse(null));
    this.prefetch = prefetch;
    this.pending = start;
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    // pending is null only once next() has handed a page over as last.
    CursorPage<T> current = Objects.requireNonNull(last);
    if (!current.hasNextPage()) {
      return false;
    }
    CompletableFuture<CursorPage<T>> fetch = ahead;
    if (fetch == null) {
      follow(current);
      pending = current.nextPage();
      return true;
    }
    // A fetch that fails is made again only when the caller asks again, as in the plain walk.
    ahead = null;
    try {
      pending = fetch.get();
    } catch (InterruptedException e) {
      fetch.cancel(true);
      Thread.currentThread().interrupt();
      throw new BctrlInterruptedException(
          "interrupted while waiting for the next page", e, 0, current.nextCursor().orElse(null));
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      } else if (cause instanceof Error) {
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
    followed = false;
    if (prefetch) {
      ahead();
    }
    return page;
  }

  /**
   * Starts fetching the page after the one last handed out, unless it is under way, without
   * blocking; {@link #next()} then hands it out. Null if that page is the last; a failed future if
   * the guard stops the walk.
   */
  @Nullable CompletableFuture<CursorPage<T>> ahead() {
    CursorPage<T> current = last;
    if (ahead == null && current != null && current.hasNextPage()) {
      CompletableFuture<CursorPage<T>> fetch;
      try {
        follow(current);
        fetch = current.nextPageAsync();
      } catch (RuntimeException endless) {
        fetch = new CompletableFuture<>();
        fetch.completeExceptionally(endless);
      }
      ahead = fetch;
    }
    return ahead;
  }

  /**
   * Cancels the fetch in flight, if any. The walk itself stays usable: asking for the next page
   * afterwards fetches it then, as a walk without prefetching would.
   */
  @Override
  public void close() {
    CompletableFuture<CursorPage<T>> fetch = ahead;
    if (fetch != null) {
      fetch.cancel(true);
      ahead = null;
    }
  }

  /** The guard sees each page once, however often fetching the next one is tried. */
  private void follow(CursorPage<T> current) {
    if (!followed) {
      guard.beforeFollowing(current);
      followed = true;
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
