package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.bctrl.errors.InternalServerException;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrefetchTest {
  private MockWebServer server;
  private ConnectionPool pool;
  private AsyncTest.CancelListener listener;
  private BctrlClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    pool = new ConnectionPool();
    listener = new AsyncTest.CancelListener();
    client =
        TestClients.builder(server)
            .maxRetries(0)
            .okHttpClient(
                new OkHttpClient.Builder().connectionPool(pool).eventListener(listener).build())
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  @Test
  void deliversEveryItemOnceInOrderAndLeavesNoOpenResponse() {
    server.setDispatcher(new PagedDispatcher(6, 4));

    List<String> ids = new ArrayList<>();
    for (InvocationSummary invocation : client.runs().listInvocations("r").prefetching()) {
      ids.add(invocation.id());
    }

    assertThat(ids).hasSize(24);
    for (int i = 0; i < 24; i++) {
      assertThat(ids.get(i)).isEqualTo(Fixtures.invocationId(i));
    }
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(pool.idleConnectionCount()).isEqualTo(pool.connectionCount());
  }

  @Test
  void fetchesTheNextPageWhileTheCurrentOneIsConsumedButNeverTwoAhead() throws Exception {
    server.setDispatcher(new PagedDispatcher(4, 3));
    CursorPage<InvocationSummary> first = client.runs().listInvocations("r");
    server.takeRequest();

    Iterator<InvocationSummary> items = first.prefetching().iterator();

    // Page 2 is requested before the caller has finished page 1 ...
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getRequestUrl().queryParameter("cursor"))
        .isEqualTo("p1");
    for (int i = 0; i < 3; i++) {
      items.next();
    }
    // ... and page 3 only once page 2 is handed over.
    assertThat(server.getRequestCount()).isEqualTo(2);
    items.next();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getRequestUrl().queryParameter("cursor"))
        .isEqualTo("p2");
  }

  @Test
  void aFailedPrefetchIsThrownWhereTheCallerReachesThatPageAndCanBeRetried() {
    server.setDispatcher(
        new PagedDispatcher(
            3,
            2,
            (page, attempt) ->
                page == 1 && attempt == 1 ? new MockResponse().setResponseCode(500) : null));
    Iterator<InvocationSummary> items = client.runs().listInvocations("r").prefetching().iterator();

    items.next();
    items.next();
    InternalServerException failure =
        catchThrowableOfType(InternalServerException.class, items::hasNext);

    assertThat(failure.resumeCursor()).contains("p1");
    assertThat(items.hasNext()).isTrue();
    assertThat(items.next().id()).isEqualTo(Fixtures.invocationId(2));
  }

  @Test
  void closingThePrefetchingStreamCancelsTheFetchInFlight() throws Exception {
    server.enqueue(Fixtures.page(0, 3, "c1"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    CursorPage<InvocationSummary> first = client.runs().listInvocations("r");

    try (Stream<InvocationSummary> items = first.prefetchingStream()) {
      assertThat(items.limit(2).count()).isEqualTo(2);
      server.takeRequest();
      server.takeRequest(5, TimeUnit.SECONDS);
    }

    assertThat(listener.canceled.await(5, TimeUnit.SECONDS)).as("prefetch canceled").isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
