package ai.bctrl.bench;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Walks 1,000,000 invocations (20,000 pages) in a JVM started with a small heap and prints the peak
 * heap used. Run by {@link BenchReport} as {@code java -Xmx32m ... MemoryWalk}.
 */
public final class MemoryWalk {
  private MemoryWalk() {}

  public static void main(String[] args) throws Exception {
    int pages = Integer.parseInt(args[0]);
    long items = 0;
    long liveMidWalk = -1;
    long start = System.nanoTime();
    try (PageServer server = new PageServer(pages, false, 0);
        BctrlClient client =
            BctrlClient.builder().baseUrl(server.baseUrl()).apiKey("bench").build()) {
      for (InvocationSummary invocation : client.runs().listInvocations("bench")) {
        if (invocation.id().isEmpty()) {
          throw new IllegalStateException();
        }
        items++;
        if (items == (long) pages * PageServer.PER_PAGE / 2) {
          // What the walk really holds half-way: the heap after a full collection.
          System.gc();
          Runtime runtime = Runtime.getRuntime();
          liveMidWalk = runtime.totalMemory() - runtime.freeMemory();
        }
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long max = Runtime.getRuntime().maxMemory();
    System.out.println(items + " " + peak + " " + max + " " + millis + " " + liveMidWalk);
  }
}
