package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.internal.SystemDelayer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Many async walks through one client with a small dispatcher: they all finish and the JVM's thread
 * count does not grow with the number of walks. Prints the figures for the issue note.
 */
class AsyncScaleTest {
  private static final int WALKS = 200;
  private static final int PAGES = 10;

  @Test
  void twoHundredConcurrentWalksUseAFlatNumberOfThreads() throws Exception {
    PagedDispatcher pages = new PagedDispatcher(PAGES, 5);
    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(new NoDelayServerSockets());
      server.setDispatcher(
          new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return pages.dispatch(request).setHeadersDelay(20, TimeUnit.MILLISECONDS);
            }
          });
      server.start();
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(8);
      dispatcher.setMaxRequestsPerHost(8);
      OkHttpClient okHttp =
          new OkHttpClient.Builder()
              .dispatcher(dispatcher)
              .connectionPool(new okhttp3.ConnectionPool(8, 1, TimeUnit.MINUTES))
              .build();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      int before = threads.getThreadCount();
      threads.resetPeakThreadCount();
      AtomicInteger items = new AtomicInteger();
      long start = System.nanoTime();

      try (BctrlClient client =
          TestClients.builderWithDelayer(server, new SystemDelayer())
              .okHttpClient(okHttp)
              .build()) {
        List<CompletableFuture<Void>> walks = new ArrayList<>();
        for (int w = 0; w < WALKS; w++) {
          walks.add(
              client
                  .runs()
                  .listInvocationsAsync("run-" + w)
                  .thenCompose(first -> first.forEachAsync(i -> items.incrementAndGet())));
        }
        CompletableFuture.allOf(walks.toArray(new CompletableFuture<?>[0]))
            .get(120, TimeUnit.SECONDS);
      }

      long wallMillis = (System.nanoTime() - start) / 1_000_000;
      int peak = threads.getPeakThreadCount();
      assertThat(items).hasValue(WALKS * PAGES * 5);
      // OkHttp's 8 dispatcher threads, MockWebServer's thread per connection (8) and a few
      // helpers; a thread per walk would add 200.
      assertThat(peak - before)
          .as("threads added during a run of %d ms, %d requests", wallMillis, pages.requests.get())
          .isLessThan(40);
    }
  }
}
