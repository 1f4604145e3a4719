package ai.bctrl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Serves {@code pages} pages of {@code perPage} invocations for any run, with cursors {@code p1},
 * {@code p2}, ... Item ids number the items of the whole list, so that a test can check that a walk
 * saw every item once and in order. A fault plan may answer any attempt with a failure instead.
 */
public final class PagedDispatcher extends Dispatcher {
  private final int pages;
  private final int perPage;
  private final BiFunction<Integer, Integer, MockResponse> faults;
  private final Map<String, AtomicInteger> attemptsByPage = new ConcurrentHashMap<>();
  public final AtomicInteger requests = new AtomicInteger();
  public final AtomicInteger faultsServed = new AtomicInteger();

  /**
   * @param faults given (page index, attempt number from 1), returns a failure response to serve
   *     instead of the page, or null to serve the page
   */
  public PagedDispatcher(
      int pages, int perPage, BiFunction<Integer, Integer, MockResponse> faults) {
    this.pages = pages;
    this.perPage = perPage;
    this.faults = faults;
  }

  public PagedDispatcher(int pages, int perPage) {
    this(pages, perPage, (page, attempt) -> null);
  }

  public static String cursorOf(int pageIndex) {
    return "p" + pageIndex;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.incrementAndGet();
    HttpUrl url = request.getRequestUrl();
    String cursor = url.queryParameter("cursor");
    int pageIndex = cursor == null ? 0 : Integer.parseInt(cursor.substring(1));
    String runId = url.pathSegments().get(2);
    int attempt =
        attemptsByPage
            .computeIfAbsent(runId + "/" + pageIndex, k -> new AtomicInteger())
            .incrementAndGet();
    MockResponse fault = faults.apply(pageIndex, attempt);
    if (fault != null) {
      faultsServed.incrementAndGet();
      return fault;
    }
    String next = pageIndex + 1 < pages ? cursorOf(pageIndex + 1) : null;
    return Fixtures.page(pageIndex * perPage, perPage, next);
  }
}
