package ai.bctrl.bench;

import ai.bctrl.internal.InvocationSummaryReader;
import ai.bctrl.internal.Json;
import ai.bctrl.internal.PageReader;
import ai.bctrl.models.InvocationSummary;
import com.fasterxml.jackson.core.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SDK's decoder and Jackson's readTree timed in alternating short rounds in one warm JVM, so
 * that both see the same machine: the shared machines here drift between fast and slow phases that
 * last longer than a JMH fork, which skews two separately run benchmarks. Prints the median
 * per-page time of each and the median of the per-round ratios.
 */
public final class PairedDecode {
  private static volatile Object sink;

  private PairedDecode() {}

  public static void main(String[] args) throws Exception {
    byte[] page = Pages.page(0, 50, "eyJpZCI6IjNmYTg1ZjY0In0").getBytes(StandardCharsets.UTF_8);
    PageReader<InvocationSummary> reader = new PageReader<>(InvocationSummaryReader.INSTANCE);
    Op sdk =
        () -> {
          try (JsonParser parser = Json.FACTORY.createParser(page)) {
            sink = reader.read(parser);
          }
        };
    Op tree = () -> sink = HandWritten.MAPPER.readTree(page);
    for (int i = 0; i < 20; i++) {
      time(sdk, 2000);
      time(tree, 2000);
    }
    int rounds = 41;
    double[] sdkMicros = new double[rounds];
    double[] treeMicros = new double[rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      if (r % 2 == 0) {
        sdkMicros[r] = time(sdk, 3000);
        treeMicros[r] = time(tree, 3000);
      } else {
        treeMicros[r] = time(tree, 3000);
        sdkMicros[r] = time(sdk, 3000);
      }
      ratios[r] = sdkMicros[r] / treeMicros[r];
    }
    System.out.println(median(sdkMicros) + " " + median(treeMicros) + " " + median(ratios));
  }

  private interface Op {
    void run() throws Exception;
  }

  /** Mean microseconds per op over {@code ops} runs. */
  private static double time(Op op, int ops) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < ops; i++) {
      op.run();
    }
    return (System.nanoTime() - start) / 1e3 / ops;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
