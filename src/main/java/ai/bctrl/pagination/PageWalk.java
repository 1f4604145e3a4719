package ai.bctrl.pagination;

import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlInterruptedException;
import ai.bctrl.errors.BctrlPaginationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one walk over pages from a start page, behind every walk of {@link CursorPage}: for-each,
 * {@link CursorPage#pages()}, {@link CursorPage#prefetching()} and {@link CursorPage#forEachAsync}.
 * It hands out each page in turn and follows a page's next cursor only after {@link #follow} let
 * it, once per page.
 *
 * <p>When fetching a page fails, the walk stays where it was: asking again fetches that page again.
 * A prefetching walk requests the next page as soon as it hands one out, never more than one ahead;
 * a failed prefetch is thrown where the caller asks for that page, an interrupt while waiting for
 * it cancels it, and {@link #close()} cancels one still in flight.
 */
final class PageWalk<T> implements Iterator<CursorPage<T>>, AutoCloseable {
  // Empty pages that still carry a cursor are legal, but not without end.
  private static final int MAX_EMPTY_PAGES_IN_A_ROW = 1_000;

  // Fingerprints of the cursors followed, not copies: about 60 bytes a page, so a million-item
  // walk of 20,000 pages keeps about a megabyte.
  private final Set<Long> followed = new HashSet<>();
  private final boolean prefetch;
  private int pages;
  private int emptyInARow;
  private boolean lastFollowed;
  private @Nullable CursorPage<T> last;
  private @Nullable CursorPage<T> pending;
  // Volatile: a cancelled forEachAsync cancels it from another thread.
  private volatile @Nullable CompletableFuture<CursorPage<T>> ahead;

  PageWalk(CursorPage<T> start, boolean prefetch) {
    start.cursor().ifPresent(cursor -> followed.add(fingerprint(cursor)));
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
    lastFollowed = false;
    if (prefetch) {
      ahead(page);
    }
    return page;
  }

  /**
   * Starts fetching the page after {@code page}, which {@link #next()} just handed out, without
   * blocking; {@link #next()} then hands it out. Null if {@code page} is the last; a failed future
   * if the walk must stop there.
   */
  private @Nullable CompletableFuture<CursorPage<T>> ahead(CursorPage<T> page) {
    if (!page.hasNextPage()) {
      return null;
    }
    CompletableFuture<CursorPage<T>> fetch = new CompletableFuture<>();
    try {
      follow(page);
      fetch = page.nextPageAsync();
    } catch (RuntimeException endless) {
      fetch.completeExceptionally(endless);
    }
    ahead = fetch;
    return fetch;
  }

  /**
   * Cancels the fetch in flight, if any. The walk itself stays usable: asking for the next page
   * afterwards fetches it then, as a walk without prefetching would.
   */
  @Override
  public void close() {
    CompletableFuture<CursorPage<T>> fetch = ahead;
    ahead = null;
    if (fetch != null) {
      fetch.cancel(true);
    }
  }

  /**
   * Records {@code page}'s next cursor before the walk follows it, once per page however often the
   * fetch is tried, and stops a walk that the server's cursors would never end.
   */
  private void follow(CursorPage<T> page) {
    if (lastFollowed) {
      return;
    }
    String nextCursor = page.nextCursor().get();
    pages++;
    emptyInARow = page.data().isEmpty() ? emptyInARow + 1 : 0;
    if (emptyInARow > MAX_EMPTY_PAGES_IN_A_ROW) {
      throw new BctrlPaginationException(
          "stopped after "
              + emptyInARow
              + " empty pages in a row, each with a nextCursor; the server's pagination does not"
              + " end",
          nextCursor);
    }
    if (!followed.add(fingerprint(nextCursor))) {
      throw new BctrlPaginationException(
          "the server returned a nextCursor this walk already followed, after "
              + pages
              + " pages; following it would repeat items without end",
          nextCursor);
    }
    lastFollowed = true;
  }

  /** 64-bit FNV-1a over the cursor's chars: collisions are negligible at walk sizes (2^-64). */
  private static long fingerprint(String cursor) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < cursor.length(); i++) {
      hash ^= cursor.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** The items of each page in turn, asking for a page only when those before it are used up. */
  Iterator<T> items() {
    return new Iterator<T>() {
      private Iterator<T> items = PageWalk.this.next().data().iterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext() && PageWalk.this.hasNext()) {
          items = PageWalk.this.next().data().iterator();
        }
        return items.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  /**
   * {@link CursorPage#forEachAsync}: hands a page's items to {@code action} (on {@code executor} if
   * there is one), then fetches the next page asynchronously, until a page has no next cursor.
   */
  CompletableFuture<Void> forEachAsync(Consumer<? super T> action, @Nullable Executor executor) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    done.whenComplete(
        (ignored, error) -> {
          CompletableFuture<CursorPage<T>> fetch = ahead;
          if (done.isCancelled() && fetch != null) {
            fetch.cancel(true);
          }
        });
    handOver(done, action, executor);
    return done;
  }

  private void handOver(
      CompletableFuture<Void> done, Consumer<? super T> action, @Nullable Executor executor) {
    if (executor == null) {
      deliver(done, action, null);
      return;
    }
    try {
      executor.execute(() -> deliver(done, action, executor));
    } catch (RuntimeException rejected) {
      done.completeExceptionally(rejected);
    }
  }

  private void deliver(
      CompletableFuture<Void> done, Consumer<? super T> action, @Nullable Executor executor) {
    // A loop, not recursion, for fetches that are already complete: a long walk over pages that
    // arrive at once must not grow the stack.
    while (!done.isDone()) {
      CompletableFuture<CursorPage<T>> fetch;
      try {
        CursorPage<T> page = next();
        page.data().forEach(action);
        fetch = ahead(page);
      } catch (Throwable failure) {
        done.completeExceptionally(failure);
        return;
      }
      if (fetch == null) {
        done.complete(null);
        return;
      }
      if (done.isCancelled()) {
        fetch.cancel(true);
        return;
      }
      if (!fetch.isDone() || executor != null) {
        fetch.whenComplete(
            (next, error) -> {
              if (error != null) {
                done.completeExceptionally(unwrap(error));
              } else {
                handOver(done, action, executor);
              }
            });
        return;
      }
    }
  }

  /** The caller sees the SDK's own exception as the direct cause, never wrapped twice. */
  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
