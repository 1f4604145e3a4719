package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole walks through a server that fails often, but never more often than the retries cover. */
class TransientFaultWalkTest {
  private static final int PAGES = 200;
  private static final int PER_PAGE = 50;
  private static final int MAX_RETRIES = 3;

  private MockWebServer server;
  private ConnectionPool pool;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    pool = new ConnectionPool();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  /**
   * A seeded plan: each page fails 0, 1 or 2 times (fewer than maxRetries), each failure one of a
   * 503, a 429 with Retry-After: 0, a connection dropped before the response, or one dropped in the
   * middle of the body.
   */
  private static PagedDispatcher flakyServer(long seed) {
    Random random = new Random(seed);
    int[] failuresOfPage = new int[PAGES];
    int[][] kinds = new int[PAGES][2];
    for (int page = 0; page < PAGES; page++) {
      double roll = random.nextDouble();
      failuresOfPage[page] = roll < 0.60 ? 0 : roll < 0.90 ? 1 : 2;
      kinds[page][0] = random.nextInt(4);
      kinds[page][1] = random.nextInt(4);
    }
    return new PagedDispatcher(
        PAGES,
        PER_PAGE,
        (page, attempt) ->
            attempt <= failuresOfPage[page] ? fault(kinds[page][attempt - 1], page) : null);
  }

  private static MockResponse fault(int kind, int page) {
    switch (kind) {
      case 0:
        return new MockResponse().setResponseCode(503).setBody("busy");
      case 1:
        return new MockResponse()
            .setResponseCode(429)
            .setHeader("Retry-After", "0")
            .setBody("{\"code\":\"rate_limited\",\"error\":\"slow down\"}");
      case 2:
        // DISCONNECT_AT_START is honoured only for queued responses; from a dispatcher this is
        // the way to drop the connection before any response byte.
        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      default:
        return Fixtures.page(page * PER_PAGE, PER_PAGE, "never-seen")
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"for-each", "forEachAsync", "prefetching"})
  void tenThousandItemsArriveExactlyOnceInOrderThroughAThirdOfRequestsFailing(String walk)
      throws Exception {
    PagedDispatcher dispatcher = flakyServer(20261128L);
    server.setDispatcher(dispatcher);
    List<String> ids = Collections.synchronizedList(new ArrayList<String>());
    ListInvocationsParams params = ListInvocationsParams.builder().limit(50).build();

    try (BctrlClient client =
        TestClients.builder(server)
            .maxRetries(MAX_RETRIES)
            .okHttpClient(new OkHttpClient.Builder().connectionPool(pool).build())
            .build()) {
      if (walk.equals("forEachAsync")) {
        client
            .runs()
            .listInvocationsAsync("run", params)
            .thenCompose(first -> first.forEachAsync(invocation -> ids.add(invocation.id())))
            .get(60, TimeUnit.SECONDS);
      } else {
        CursorPage<InvocationSummary> first = client.runs().listInvocations("run", params);
        for (InvocationSummary invocation :
            walk.equals("prefetching") ? first.prefetching() : first) {
          ids.add(invocation.id());
        }
      }
    }

    int requests = dispatcher.requests.get();
    int faults = dispatcher.faultsServed.get();
    assertThat((double) faults / requests)
        .as("share of failed requests (%d of %d)", faults, requests)
        .isBetween(0.28, 0.40);
    assertThat(ids).hasSize(PAGES * PER_PAGE);
    assertThat(new HashSet<>(ids)).as("no duplicates").hasSize(PAGES * PER_PAGE);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(ids.get(i)).as("item %d in order", i).isEqualTo(Fixtures.invocationId(i));
    }
    assertThat(pool.idleConnectionCount()).isEqualTo(pool.connectionCount());
  }

  @Test
  void sixteenThreadsWalkDifferentRunsThroughOneClient() throws Exception {
    server.setDispatcher(flakyServer(7L));
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try (BctrlClient client =
        TestClients.builder(server)
            .maxRetries(MAX_RETRIES)
            .okHttpClient(new OkHttpClient.Builder().connectionPool(pool).build())
            .build()) {
      List<Future<List<String>>> walks = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        String runId = "run-" + t;
        walks.add(
            threads.submit(
                () -> {
                  List<String> ids = new ArrayList<>();
                  for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
                    ids.add(invocation.id());
                  }
                  return ids;
                }));
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < PAGES * PER_PAGE; i++) {
        expected.add(Fixtures.invocationId(i));
      }
      for (Future<List<String>> walk : walks) {
        assertThat(walk.get(120, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(pool.idleConnectionCount()).isEqualTo(pool.connectionCount());
  }
}
