package ai.bctrl.pagination;

import ai.bctrl.ResponseMetadata;
import ai.bctrl.errors.BctrlPaginationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * One page of a cursor-paginated list, and the way to every page after it.
 *
 * <p>Iterating a page yields its own items, then those of every later page, fetching each page only
 * when the items before it are used up:
 *
 * <pre>{@code
 * for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
 *   System.out.println(invocation.id());
 * }
 * }</pre>
 *
 * <p>Each iteration, {@link #stream()} or {@link #pages()} is a new walk from this page: iterating
 * twice fetches twice. A walk holds one page at a time, so it runs in constant memory whatever the
 * list's length. It ends when a page has no {@code nextCursor}; an empty page that has one is not
 * the end. It stops with {@link ai.bctrl.errors.BctrlPaginationException} if the server returns a
 * cursor the walk already followed, or more than 1,000 empty pages in a row.
 *
 * <p>When fetching a page fails, the exception's {@link
 * ai.bctrl.errors.BctrlException#resumeCursor() resumeCursor()} is that page's cursor: pass it as
 * {@code cursor} to continue from there.
 */
public final class CursorPage<T> implements Iterable<T> {
  private final List<T> data;
  private final @Nullable String cursor;
  private final @Nullable String nextCursor;
  private final Fetcher<T> fetcher;
  private final ResponseMetadata response;

  /**
   * Creates a page. The SDK's list methods call this; tests can call it to build pages without a
   * server.
   *
   * @param data this page's items (copied)
   * @param cursor the cursor this page was fetched with, or null for the first page
   * @param nextCursor the cursor of the next page, or null (or empty) if this is the last
   * @param fetcher fetches the page at a cursor, with the same filters and options as this one
   */
  public static <T> CursorPage<T> of(
      List<T> data, @Nullable String cursor, @Nullable String nextCursor, Fetcher<T> fetcher) {
    return of(data, cursor, nextCursor, fetcher, ResponseMetadata.none());
  }

  /**
   * As {@link #of(List, String, String, Fetcher)}, with the metadata of the response that carried
   * the page.
   */
  public static <T> CursorPage<T> of(
      List<T> data,
      @Nullable String cursor,
      @Nullable String nextCursor,
      Fetcher<T> fetcher,
      ResponseMetadata response) {
    return new CursorPage<>(data, cursor, nextCursor, fetcher, response);
  }

  private CursorPage(
      List<T> data,
      @Nullable String cursor,
      @Nullable String nextCursor,
      Fetcher<T> fetcher,
      ResponseMetadata response) {
    this.data =
        Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(data, "data == null")));
    this.cursor = cursor;
    this.nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
    this.response = Objects.requireNonNull(response, "response == null");
  }

  /**
   * What the response that carried this page said besides its body: status, headers, request id,
   * and how many attempts and how long its fetch took. {@link ResponseMetadata#none()} for a page
   * made by {@link #of(List, String, String, Fetcher)}.
   */
  public ResponseMetadata response() {
    return response;
  }

  /** Returns this page's items only. */
  public List<T> data() {
    return data;
  }

  /**
   * Returns the cursor this page was fetched with; passing it as {@code cursor} fetches this page
   * again.
   */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /**
   * Returns the cursor of the next page. Save it to resume a walk later from the page after this
   * one.
   */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  public boolean hasNextPage() {
    return nextCursor != null;
  }

  /**
   * Fetches the next page, with the same filters, limit and request options as this one.
   *
   * @throws NoSuchElementException if this is the last page
   * @throws BctrlPaginationException if this page's next cursor is its own cursor
   * @throws ai.bctrl.errors.BctrlException if the fetch fails
   */
  public CursorPage<T> nextPage() {
    return fetcher.fetch(requireNextCursor());
  }

  /** Fetches the next page without blocking. */
  public CompletableFuture<CursorPage<T>> nextPageAsync() {
    String next;
    try {
      next = requireNextCursor();
    } catch (RuntimeException e) {
      CompletableFuture<CursorPage<T>> failed = new CompletableFuture<>();
      failed.completeExceptionally(e);
      return failed;
    }
    return fetcher.fetchAsync(next);
  }

  /** Walks the items of this page and every later page, fetching each page lazily. */
  @Override
  public Iterator<T> iterator() {
    return new PageWalk<>(this, false).items();
  }

  /**
   * The same walk as {@link #iterator()}, as a lazy sequential stream: {@code stream().limit(n)}
   * fetches only the pages it needs.
   */
  public Stream<T> stream() {
    return stream(false);
  }

  /**
   * The same walk as {@link #iterator()}, but the next page is fetched in the background while the
   * caller works through the current one (never more than one page ahead). Worth it when handling a
   * page takes about as long as fetching one: the two then overlap. A fetch that fails is thrown
   * where the caller reaches that page. Off unless asked for.
   *
   * <p>A for-each loop that stops early leaves at most one page fetch running; it completes in the
   * background and its response is closed. Use {@link #prefetchingStream()} in try-with-resources
   * to cancel it instead.
   */
  public Iterable<T> prefetching() {
    return () -> new PageWalk<>(this, true).items();
  }

  /**
   * The prefetching walk of {@link #prefetching()} as a sequential stream; closing the stream
   * cancels a fetch still in flight.
   */
  public Stream<T> prefetchingStream() {
    return stream(true);
  }

  private Stream<T> stream(boolean prefetch) {
    PageWalk<T> walk = new PageWalk<>(this, prefetch);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                walk.items(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(walk::close);
  }

  /** Walks page by page, starting with this one, fetching each page when the walk reaches it. */
  public Iterable<CursorPage<T>> pages() {
    return () -> new PageWalk<>(this, false);
  }

  /**
   * Passes every item of this and every later page to {@code action} without blocking: each next
   * page is fetched asynchronously once the items before it have been handled. The action runs on
   * the thread that completed the fetch (an OkHttp dispatcher thread), so it should be quick; use
   * {@link #forEachAsync(Consumer, Executor)} for slow work. Cancelling the returned future cancels
   * the fetch in flight and stops the walk.
   *
   * @throws IllegalArgumentException if {@code action} is null (at once, not through the future)
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
    return new PageWalk<>(this, false).forEachAsync(notNull(action, "action"), null);
  }

  /**
   * As {@link #forEachAsync(Consumer)}, running {@code action} on {@code executor}.
   *
   * @throws IllegalArgumentException if {@code action} or {@code executor} is null
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action, Executor executor) {
    return new PageWalk<>(this, false)
        .forEachAsync(notNull(action, "action"), notNull(executor, "executor"));
  }

  private static <V> V notNull(V value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " == null");
    }
    return value;
  }

  @Override
  public String toString() {
    return String.format(
        "CursorPage{items=%d, cursor=%s, nextCursor=%s}", data.size(), cursor, nextCursor);
  }

  private String requireNextCursor() {
    if (nextCursor == null) {
      throw new NoSuchElementException("this is the last page");
    }
    if (nextCursor.equals(cursor)) {
      // The one loop a single page can see; a walk sees every loop (PageWalk.follow).
      throw new BctrlPaginationException(
          "the server returned a page whose nextCursor points at itself; following it would"
              + " repeat the page without end",
          nextCursor);
    }
    return nextCursor;
  }

  /**
   * Fetches the page at a cursor, keeping the filters and options of the request that produced the
   * first page. Implemented by the SDK for each list endpoint.
   */
  public interface Fetcher<T> {
    /** Fetches the page at {@code cursor} (null: the first page), blocking. */
    CursorPage<T> fetch(@Nullable String cursor);

    /** Fetches the page at {@code cursor} (null: the first page) without blocking. */
    CompletableFuture<CursorPage<T>> fetchAsync(@Nullable String cursor);
  }
}
