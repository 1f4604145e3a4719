package ai.bctrl;

import static ai.bctrl.Fixtures.invocationId;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlPaginationException;
import ai.bctrl.errors.InternalServerException;
import ai.bctrl.errors.NotFoundException;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class PaginationFaultTest extends MockServerTest {
  private final ConnectionPool pool = new ConnectionPool();

  @Override
  protected BctrlClient.Builder configure(BctrlClient.Builder builder) {
    return builder.okHttpClient(new OkHttpClient.Builder().connectionPool(pool).build());
  }

  /** Every connection back in the pool: no response body was left open. */
  private void assertNoLeakedConnection() {
    assertThat(pool.idleConnectionCount())
        .as("idle connections (a busy one is a response nobody closed)")
        .isEqualTo(pool.connectionCount());
  }

  @Test
  void aWalkThatFailsAtPageKResumesAtPageKWithoutRefetchingEarlierPages() throws Exception {
    server.setDispatcher(
        new PagedDispatcher(
            4, 2, (page, attempt) -> page == 2 && attempt <= 3 ? statusBody(503) : null));

    List<String> seen = new ArrayList<>();
    InternalServerException failure =
        catchThrowableOfType(
            InternalServerException.class,
            () -> {
              for (InvocationSummary invocation : client.runs().listInvocations("r")) {
                seen.add(invocation.id());
              }
            });

    assertThat(seen).hasSize(4);
    assertThat(failure.resumeCursor()).contains(PagedDispatcher.cursorOf(2));
    int requestsBeforeResume = server.getRequestCount();

    for (InvocationSummary invocation :
        client
            .runs()
            .listInvocations(
                "r",
                ListInvocationsParams.builder().cursor(failure.resumeCursor().get()).build())) {
      seen.add(invocation.id());
    }

    assertThat(seen)
        .containsExactly(
            invocationId(0),
            invocationId(1),
            invocationId(2),
            invocationId(3),
            invocationId(4),
            invocationId(5),
            invocationId(6),
            invocationId(7));
    assertThat(server.getRequestCount() - requestsBeforeResume).isEqualTo(2);
    for (int i = 0; i < requestsBeforeResume; i++) {
      server.takeRequest();
    }
    assertThat(server.takeRequest().getRequestUrl().queryParameter("cursor")).isEqualTo("p2");
    assertNoLeakedConnection();
  }

  @Test
  void aCursorThatRepeatsItselfEndsTheWalk() {
    server.enqueue(page(0, 1, "c1"));
    server.enqueue(page(1, 1, "c1"));
    server.enqueue(page(2, 1, null));

    List<InvocationSummary> seen = new ArrayList<>();
    BctrlPaginationException failure =
        catchThrowableOfType(
            BctrlPaginationException.class,
            () -> client.runs().listInvocations("r").forEach(seen::add));

    assertThat(failure).hasMessageContaining("already followed");
    assertThat(seen).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aLongerCursorCycleEndsTheWalk() {
    server.enqueue(page(0, 1, "a"));
    server.enqueue(page(1, 1, "b"));
    server.enqueue(page(2, 1, "a"));
    server.enqueue(page(3, 1, null));

    assertThatThrownBy(() -> client.runs().listInvocations("r").stream().count())
        .isInstanceOf(BctrlPaginationException.class);

    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void endlessEmptyPagesAreCapped() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String cursor = request.getRequestUrl().queryParameter("cursor");
            int n = cursor == null ? 0 : Integer.parseInt(cursor) + 1;
            return page(0, 0, Integer.toString(n));
          }
        });

    BctrlPaginationException failure =
        catchThrowableOfType(
            BctrlPaginationException.class,
            () -> client.runs().listInvocations("r").iterator().hasNext());

    assertThat(failure).hasMessageContaining("empty pages in a row");
    assertThat(server.getRequestCount()).isEqualTo(1_000 + 1);
  }

  @Test
  void breakingOutOfAForEachLeavesNoOpenResponse() {
    server.setDispatcher(new PagedDispatcher(5, 10));

    int count = 0;
    for (InvocationSummary ignored : client.runs().listInvocations("r")) {
      if (++count == 15) {
        break;
      }
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertNoLeakedConnection();
  }

  @Test
  void streamLimitStoppingMidPageLeavesNoOpenResponse() {
    server.setDispatcher(new PagedDispatcher(5, 10));

    assertThat(client.runs().listInvocations("r").stream().limit(13).count()).isEqualTo(13);

    assertNoLeakedConnection();
  }

  @Test
  void aWholeWalkReusesOneConnection() throws Exception {
    server.setDispatcher(new PagedDispatcher(20, 5));

    assertThat(client.runs().listInvocations("r").stream().count()).isEqualTo(100);

    assertThat(server.getRequestCount()).isEqualTo(20);
    // MockWebServer numbers requests per connection: 0..19 means all twenty came on one.
    for (int i = 0; i < 20; i++) {
      assertThat(server.takeRequest().getSequenceNumber()).isEqualTo(i);
    }
    assertThat(pool.connectionCount()).isEqualTo(1);
    assertNoLeakedConnection();
  }

  @Test
  void errorAndUndecodableResponsesAreClosedToo() {
    server.enqueue(Fixtures.error(404, "run.not_found", "no", "req_1"));
    server.enqueue(Fixtures.json(200, "{\"data\":{},\"nextCursor\":null}"));
    server.enqueue(new MockResponse().setResponseCode(500).setBody("<html>oops</html>"));

    assertThatThrownBy(() -> client.runs().listInvocations("r"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.runs().listInvocations("r"))
        .isInstanceOf(BctrlDecodeException.class);
    assertThatThrownBy(() -> listWith(RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(InternalServerException.class);

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertNoLeakedConnection();
  }

  @Test
  void aFailedFetchCanBeRetriedInPlaceByAskingAgain() {
    server.setDispatcher(
        new PagedDispatcher(
            2, 1, (page, attempt) -> page == 1 && attempt <= 3 ? statusBody(500) : null));
    java.util.Iterator<InvocationSummary> items = client.runs().listInvocations("r").iterator();
    items.next();

    assertThatThrownBy(items::hasNext).isInstanceOf(BctrlException.class);

    assertThat(items.hasNext()).isTrue();
    assertThat(items.next().id()).isEqualTo(invocationId(1));
    assertThat(items.hasNext()).isFalse();
  }

  @Test
  void manualPagingDetectsAPageThatPointsAtItself() {
    server.enqueue(page(0, 1, "same"));
    server.enqueue(page(1, 1, "same"));
    CursorPage<InvocationSummary> first = client.runs().listInvocations("r");
    CursorPage<InvocationSummary> second = first.nextPage();
    assertThat(second.cursor()).contains("same");

    BctrlPaginationException failure =
        catchThrowableOfType(BctrlPaginationException.class, second::nextPage);

    assertThat(failure).hasMessageContaining("itself");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  private static MockResponse statusBody(int code) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody("{\"code\":\"server.busy\",\"error\":\"try later\"}")
        .setBodyDelay(0, TimeUnit.MILLISECONDS);
  }
}
