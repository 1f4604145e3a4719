package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.RequestListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RequestListener} that turns the client's events into per-status counts and latency
 * percentiles, with no metrics library: walks a run, then prints what it measured.
 */
public final class ListenerMetrics {
  private ListenerMetrics() {}

  // README: listener metrics
  /** Counts responses by status and keeps every latency, for percentiles. */
  static final class Metrics implements RequestListener {
    final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    final List<Long> latencyMillis = Collections.synchronizedList(new ArrayList<Long>());
    final AtomicLong retries = new AtomicLong();

    @Override
    public void responseReceived(
        Attempt attempt, int statusCode, Duration duration, Optional<String> requestId) {
      byStatus.computeIfAbsent(statusCode, s -> new AtomicLong()).incrementAndGet();
      latencyMillis.add(duration.toMillis());
    }

    @Override
    public void retryScheduled(Attempt attempt, Duration delay, String reason) {
      retries.incrementAndGet();
    }

    long percentile(int p) {
      List<Long> sorted = new ArrayList<>(latencyMillis);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) * p / 100);
    }
  }

  // README: end

  public static void main(String[] args) throws Exception {
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      System.out.println(report(walk(example.baseUrl, example.apiKey, example.runId)));
    }
  }

  static Metrics walk(String baseUrl, String apiKey, String runId) {
    // README: listener client
    // Given: String baseUrl, String apiKey, String runId; Metrics, the class above.
    Metrics metrics = new Metrics();
    try (BctrlClient client =
        BctrlClient.builder().baseUrl(baseUrl).apiKey(apiKey).requestListener(metrics).build()) {
      long count = client.runs().listInvocations(runId).stream().count();
      System.out.println(count + " invocations, latency p95 " + metrics.percentile(95) + " ms");
    }
    // README: end
    return metrics;
  }

  static String report(Metrics metrics) {
    return "responses by status "
        + new TreeMap<>(metrics.byStatus)
        + ", retries "
        + metrics.retries
        + ", latency p50 "
        + metrics.percentile(50)
        + " ms, p95 "
        + metrics.percentile(95)
        + " ms, p99 "
        + metrics.percentile(99)
        + " ms";
  }
}
