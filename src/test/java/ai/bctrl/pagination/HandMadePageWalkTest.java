package ai.bctrl.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlPaginationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The walks over pages made with {@link CursorPage#of}, whose fetcher the test controls. */
class HandMadePageWalkTest {
  /** Pages at cursors "1", "2", ...; the next cursor of each comes from {@code next}. */
  private static final class Pages implements CursorPage.Fetcher<String> {
    final Function<Integer, @Nullable String> next;
    final Function<Integer, List<String>> items;
    final List<String> fetched = new ArrayList<>();
    @Nullable Function<Integer, CompletableFuture<CursorPage<String>>> async;

    Pages(Function<Integer, @Nullable String> next, Function<Integer, List<String>> items) {
      this.next = next;
      this.items = items;
    }

    CursorPage<String> page(int number) {
      return CursorPage.of(
          items.apply(number),
          number == 0 ? null : String.valueOf(number),
          next.apply(number),
          this);
    }

    @Override
    public CursorPage<String> fetch(@Nullable String cursor) {
      fetched.add(String.valueOf(cursor));
      return page(Integer.parseInt(String.valueOf(cursor)));
    }

    @Override
    public CompletableFuture<CursorPage<String>> fetchAsync(@Nullable String cursor) {
      int number = Integer.parseInt(String.valueOf(cursor));
      fetched.add(String.valueOf(cursor));
      return async == null ? CompletableFuture.completedFuture(page(number)) : async.apply(number);
    }
  }

  /** {@code count} pages of one item each ("item-0" ...), the last without a next cursor. */
  private static Pages numbered(int count) {
    return new Pages(
        n -> n + 1 < count ? String.valueOf(n + 1) : null,
        n -> Collections.singletonList("item-" + n));
  }

  private static <V> CompletableFuture<V> failed(Throwable failure) {
    CompletableFuture<V> future = new CompletableFuture<>();
    future.completeExceptionally(failure);
    return future;
  }

  @Test
  void anAsyncWalkOverPagesThatArriveAtOnceDoesNotGrowTheStack() throws Exception {
    Pages pages = numbered(100_000);
    List<String> seen = new ArrayList<>();

    pages.page(0).forEachAsync(seen::add).get(30, TimeUnit.SECONDS);

    assertThat(seen).hasSize(100_000).startsWith("item-0", "item-1").endsWith("item-99999");
  }

  @Test
  void anExecutorThatRefusesTheWorkFailsTheAsyncWalk() {
    Pages pages = numbered(2);
    List<String> seen = new ArrayList<>();
    RejectedExecutionException refusal = new RejectedExecutionException("full");

    Throwable failure =
        catchThrowable(
            () ->
                pages
                    .page(0)
                    .forEachAsync(
                        seen::add,
                        task -> {
                          throw refusal;
                        })
                    .join());

    assertThat(failure).isInstanceOf(CompletionException.class).hasCause(refusal);
    assertThat(seen).isEmpty();
  }

  @Test
  void anAsyncWalkFailsWithTheFetchFailureUnwrappedFromEveryCompletionLayer() {
    Pages pages = numbered(3);
    IllegalStateException cause = new IllegalStateException("boom");
    CompletableFuture<CursorPage<String>> pending = new CompletableFuture<>();
    pages.async = n -> pending;
    List<String> seen = new ArrayList<>();

    CompletableFuture<Void> walk = pages.page(0).forEachAsync(seen::add);
    pending.completeExceptionally(new CompletionException(new CompletionException(cause)));

    assertThat(catchThrowable(walk::join)).isInstanceOf(CompletionException.class).hasCause(cause);
    assertThat(seen).containsExactly("item-0");
  }

  @Test
  void cancellingAnAsyncWalkCancelsTheFetchInFlight() {
    Pages pages = numbered(3);
    CompletableFuture<CursorPage<String>> pending = new CompletableFuture<>();
    pages.async = n -> pending;

    CompletableFuture<Void> walk = pages.page(0).forEachAsync(item -> {});
    walk.cancel(true);

    assertThat(pending).isCancelled();
  }

  @Test
  void closingThePrefetchingStreamCancelsTheFetchInFlightAndOnlyThat() {
    Pages pages = numbered(3);
    CompletableFuture<CursorPage<String>> pending = new CompletableFuture<>();
    pages.async = n -> pending;

    try (Stream<String> items = pages.page(0).prefetchingStream()) {
      assertThat(items.findFirst()).contains("item-0");
    }
    numbered(1).page(0).prefetchingStream().close(); // nothing in flight: nothing to cancel

    assertThat(pending).isCancelled();
    assertThat(pages.fetched).containsExactly("1");
  }

  @Test
  void aPrefetchingWalkStopsAtACursorItAlreadyFollowed() {
    Pages pages = new Pages(n -> n == 1 ? "2" : "1", n -> Collections.singletonList("item-" + n));
    List<String> seen = new ArrayList<>();

    Throwable failure =
        catchThrowable(
            () -> {
              for (String item : pages.page(1).prefetching()) {
                seen.add(item);
                assertThat(seen).as("items before the walk stops").hasSizeLessThan(10);
              }
            });

    assertThat(failure).isInstanceOf(BctrlPaginationException.class);
    assertThat(seen).containsExactly("item-1", "item-2");
    assertThat(pages.fetched).containsExactly("2");
  }

  @Test
  void anAsyncWalkStopsAtACursorItAlreadyFollowed() throws Exception {
    Pages pages = new Pages(n -> n == 1 ? "2" : "1", n -> Collections.singletonList("item-" + n));
    List<String> seen = new ArrayList<>();

    Throwable failure =
        catchThrowable(
            () ->
                pages
                    .page(1)
                    .forEachAsync(
                        item -> {
                          seen.add(item);
                          assertThat(seen).as("items before the walk stops").hasSizeLessThan(10);
                        })
                    .get(30, TimeUnit.SECONDS));

    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertThat(failure.getCause()).isInstanceOf(BctrlPaginationException.class);
    assertThat(seen).containsExactly("item-1", "item-2");
    assertThat(pages.fetched).containsExactly("2");
  }

  @Test
  void aPrefetchThatFailedWithACheckedExceptionIsThrownAsABctrlExceptionCausedByIt() {
    Pages pages = numbered(3);
    IOException cause = new IOException("disk");
    pages.async = n -> failed(cause);

    Iterator<String> items = pages.page(0).prefetching().iterator();
    assertThat(items.next()).isEqualTo("item-0");
    Throwable failure = catchThrowable(items::next);

    assertThat(failure)
        .isExactlyInstanceOf(BctrlException.class)
        .hasMessage("fetching the next page failed: java.io.IOException: disk")
        .hasCause(cause);
  }

  @Test
  void aPrefetchThatFailedWithAnErrorRethrowsThatError() {
    Pages pages = numbered(3);
    AssertionError cause = new AssertionError("broken fetcher");
    pages.async = n -> failed(new ExecutionException(cause));

    Iterator<String> items = pages.page(0).prefetching().iterator();
    items.next();

    assertThat(catchThrowable(items::next)).isSameAs(cause);
  }

  @Test
  void emptyPagesInARowAreCountedAfreshAfterAPageWithItems() {
    // 1,000 empty pages, one with an item, 1,000 empty pages, and a last one: never more than
    // 1,000 empty pages in a row, so the walk ends where the server's pages end.
    Pages pages =
        new Pages(
            n -> n < 2001 ? String.valueOf(n + 1) : null,
            n -> n == 1000 ? Collections.singletonList("item-1000") : Collections.emptyList());

    List<String> seen = new ArrayList<>();
    pages.page(0).forEach(seen::add);

    assertThat(seen).containsExactly("item-1000");
    assertThat(pages.fetched).hasSize(2001);
  }

  @Test
  void aWalkThatComesBackToTheCursorItStartedAtStops() {
    Pages pages = new Pages(n -> n == 1 ? "2" : "1", n -> Collections.singletonList("item-" + n));
    List<String> seen = new ArrayList<>();

    Throwable failure = catchThrowable(() -> pages.page(1).forEach(seen::add));

    assertThat(failure)
        .isInstanceOf(BctrlPaginationException.class)
        .hasMessageContaining("already followed, after 2 pages");
    assertThat(((BctrlPaginationException) failure).resumeCursor()).contains("1");
    assertThat(seen).containsExactly("item-1", "item-2");
    assertThat(pages.fetched).containsExactly("2");
  }

  @Test
  void theLastPageHasNoNextPageSyncOrAsync() {
    CursorPage<String> last = numbered(1).page(0);

    assertThat(catchThrowable(last::nextPage))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("this is the last page");
    assertThat(catchThrowable(() -> last.nextPageAsync().join()))
        .hasCauseInstanceOf(NoSuchElementException.class);
    Iterator<CursorPage<String>> walk = last.pages().iterator();
    assertThat(walk.next()).isSameAs(last);
    assertThat(walk.hasNext()).isFalse();
    assertThat(catchThrowable(walk::next)).isInstanceOf(NoSuchElementException.class);
    Iterator<String> items = last.iterator();
    assertThat(items.next()).isEqualTo("item-0");
    assertThat(catchThrowable(items::next)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aPageSaysWhatItHoldsAndWhereItIs() {
    Pages pages = numbered(3);

    assertThat(pages.page(1)).hasToString("CursorPage{items=1, cursor=1, nextCursor=2}");
    assertThat(pages.page(2)).hasToString("CursorPage{items=1, cursor=2, nextCursor=null}");
  }
}
