package ai.bctrl.bench;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and prints one table: medians and ratios, not single times, since the
 * machines are shared and noisy. {@code --quick} shortens the JMH runs for a smoke test.
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick");
    List<String[]> rows = new ArrayList<>();

    Map<String, RunResult> decode = jmh(DecodeBenchmark.class, quick, 1, 3, 3, true);
    double sdkDecode = median(decode.get("sdk"));
    double pojoDecode = median(decode.get("readPojo"));
    rows.add(row("decode 50-item page: SDK", fmt(sdkDecode) + " us", alloc(decode.get("sdk")), ""));
    rows.add(
        row(
            "decode: databind POJO + JSR-310",
            fmt(pojoDecode) + " us",
            alloc(decode.get("readPojo")),
            "SDK/POJO " + ratio(sdkDecode, pojoDecode)));

    // A walk takes tens of ms, so its JIT needs more warm-up rounds than decode to settle.
    Map<String, RunResult> walk = jmh(WalkBenchmark.class, quick, 2, 2, 8, false);
    double sdkWalk = median(walk.get("sdkForEach"));
    double handWalk = median(walk.get("handWritten"));
    rows.add(row("walk 200 pages x 50: SDK for-each", fmt(sdkWalk) + " ms", "", ""));
    rows.add(
        row(
            "walk: hand-written OkHttp + Jackson",
            fmt(handWalk) + " ms",
            "",
            "SDK/hand " + ratio(sdkWalk, handWalk)));

    String[] memory = child("-Xmx32m", MemoryWalk.class, "20000").split(" ");
    rows.add(
        row(
            "memory: walk " + memory[0] + " items, -Xmx32m",
            "peak heap " + mib(Long.parseLong(memory[1])),
            "live after GC mid-walk " + mib(Long.parseLong(memory[4])),
            "completed in " + memory[3] + " ms"));

    try (PageServer server = new PageServer(1, true, 0)) {
      List<Double> sdk = new ArrayList<>();
      List<Double> hand = new ArrayList<>();
      for (int i = 0; i < (quick ? 3 : 7); i++) {
        sdk.add(
            Double.parseDouble(
                child(null, ColdStart.class, "sdk", server.baseUrl()).split(" ")[1]));
        hand.add(
            Double.parseDouble(
                child(null, ColdStart.class, "hand", server.baseUrl()).split(" ")[1]));
      }
      double sdkCold = median(sdk);
      double handCold = median(hand);
      rows.add(row("cold start to first page: SDK", fmt(sdkCold) + " ms", "", ""));
      rows.add(
          row(
              "cold start: hand-written",
              fmt(handCold) + " ms",
              "",
              "SDK/hand " + ratio(sdkCold, handCold)));
    }

    try (PageServer server = new PageServer(50, true, 20)) {
      List<Double> plain = new ArrayList<>();
      List<Double> prefetch = new ArrayList<>();
      for (int i = 0; i < (quick ? 2 : 5); i++) {
        plain.add(timedWalk(server, false));
        prefetch.add(timedWalk(server, true));
      }
      double p = median(plain);
      double f = median(prefetch);
      rows.add(row("50 pages, 20 ms server + 20 ms work: plain", fmt(p) + " ms", "", ""));
      rows.add(row("same, prefetching()", fmt(f) + " ms", "", "prefetch/plain " + ratio(f, p)));
    }

    String ms3 = "%.3f ms";
    for (Map.Entry<String, double[]> paused : PausedRequests.medians(quick ? 20 : 200).entrySet()) {
      double[] m = paused.getValue();
      rows.add(
          row(
              "one page after a pause, " + paused.getKey() + ": SDK",
              String.format(ms3, m[0]),
              "hand-written " + String.format(ms3, m[1]),
              "SDK - hand, paired " + String.format("%+.3f ms", m[2])));
    }

    print(rows);
  }

  /** One walk whose consumer works 20 ms per page; returns its wall time in ms. */
  private static double timedWalk(PageServer server, boolean prefetch) {
    try (BctrlClient client =
        BctrlClient.builder().baseUrl(server.baseUrl()).apiKey("bench").build()) {
      long start = System.nanoTime();
      CursorPage<InvocationSummary> first = client.runs().listInvocations("bench");
      Iterable<InvocationSummary> items = prefetch ? first.prefetching() : first;
      int n = 0;
      for (InvocationSummary ignored : items) {
        if (++n % PageServer.PER_PAGE == 0) {
          work(20);
        }
      }
      return (System.nanoTime() - start) / 1e6;
    }
  }

  private static void work(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, RunResult> jmh(
      Class<?> benchmark, boolean quick, int seconds, int forks, int warmups, boolean gc)
      throws Exception {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(benchmark.getName() + "\\.")
            .forks(quick ? 1 : forks)
            .warmupIterations(quick ? 1 : warmups)
            .warmupTime(TimeValue.seconds(quick ? 1 : seconds))
            .measurementIterations(quick ? 3 : 7)
            .measurementTime(TimeValue.seconds(quick ? 1 : seconds));
    if (gc) {
      options.addProfiler(GCProfiler.class);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, RunResult> byMethod = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      byMethod.put(label.substring(label.lastIndexOf('.') + 1), result);
    }
    return byMethod;
  }

  private static double median(RunResult result) {
    return result.getPrimaryResult().getStatistics().getPercentile(50);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String alloc(RunResult result) {
    for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
      if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
        return Math.round(secondary.getValue().getScore()) + " B/page";
      }
    }
    return "";
  }

  /** Runs {@code main} in a fresh JVM from this jar and returns its last line of output. */
  private static String child(String heap, Class<?> main, String... args) throws Exception {
    String jar =
        new File(BenchReport.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath();
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    if (heap != null) {
      command.add(heap);
    }
    command.add("-cp");
    command.add(jar);
    command.add(main.getName());
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = "";
    StringBuilder all = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        all.append(line).append('\n');
        last = line;
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(main.getSimpleName() + " failed:\n" + all);
    }
    return last.trim();
  }

  private static String[] row(String what, String value, String alloc, String ratio) {
    return new String[] {what, value, alloc, ratio};
  }

  private static String fmt(double value) {
    return value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
  }

  private static String ratio(double a, double b) {
    return String.format("%.2f", a / b);
  }

  private static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / 1048576.0);
  }

  private static void print(List<String[]> rows) throws Exception {
    String cpu = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (Exception notLinux) {
      // Keep "unknown CPU".
    }
    System.out.println();
    System.out.printf(
        "bctrl-java benchmarks: %d cores (%s), Java %s, medians%n",
        Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"));
    System.out.println();
    System.out.println("| benchmark | median | allocated | ratio |");
    System.out.println("| --- | --- | --- | --- |");
    for (String[] row : rows) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
  }
}
