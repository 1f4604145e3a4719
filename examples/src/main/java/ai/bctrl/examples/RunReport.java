package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Walks every invocation of a run and prints what happened in it: totals, a status by action table,
 * duration percentiles, the commonest error codes and the slowest invocations.
 *
 * <p>{@code ./examples/run RunReport [runId] [--json] [--status failed,timed_out] [--action act]}
 */
public final class RunReport {
  private RunReport() {}

  public static void main(String[] args) throws Exception {
    ListInvocationsParams.Builder params = ListInvocationsParams.builder();
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--json")) {
        json = true;
      } else if (args[i].equals("--status")) {
        List<InvocationStatus> statuses = new ArrayList<>();
        for (String value : args[++i].split(",")) {
          InvocationStatus status = InvocationStatus.fromValue(value);
          statuses.add(known(status, status.isKnown(), value, "status"));
        }
        params.status(statuses);
      } else if (args[i].equals("--action")) {
        List<InvocationAction> actions = new ArrayList<>();
        for (String value : args[++i].split(",")) {
          InvocationAction action = InvocationAction.fromValue(value);
          actions.add(known(action, action.isKnown(), value, "action"));
        }
        params.action(actions);
      }
    }
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      Report report = walk(example.client, example.runId, params.build(), System.err);
      if (json) {
        System.out.println(report.toJson());
      } else {
        report.print(System.out);
      }
    }
  }

  private static <E> E known(E parsed, boolean isKnown, String value, String what) {
    if (!isKnown) {
      throw new IllegalArgumentException("unknown " + what + ": " + value);
    }
    return parsed;
  }

  /** Walks the run with the auto-paging for-each loop, reporting progress on {@code progress}. */
  static Report walk(
      BctrlClient client, String runId, ListInvocationsParams params, PrintStream progress) {
    Report report = new Report(runId);
    int pages = 0;
    for (CursorPage<InvocationSummary> page :
        client.runs().listInvocations(runId, params).pages()) {
      for (InvocationSummary invocation : page.data()) {
        report.add(invocation);
      }
      pages++;
      progress.print("\rfetched " + pages + " pages, " + report.total + " invocations");
    }
    progress.println();
    report.pages = pages;
    return report;
  }

  /** What a walk found. */
  static final class Report {
    final String runId;
    int total;
    int pages;
    final Map<String, Map<String, Integer>> byStatusAndAction = new TreeMap<>();
    final Map<String, Integer> errorCodes = new TreeMap<>();
    private long[] durations = new long[1024];
    private int durationCount;
    private final PriorityQueue<InvocationSummary> slowest =
        new PriorityQueue<>(Comparator.comparingLong(RunReport::durationOf));

    Report(String runId) {
      this.runId = runId;
    }

    void add(InvocationSummary invocation) {
      total++;
      byStatusAndAction
          .computeIfAbsent(invocation.statusValue(), k -> new TreeMap<>())
          .merge(invocation.actionValue(), 1, Integer::sum);
      invocation
          .error()
          .ifPresent(e -> errorCodes.merge(e.code().orElse("(none)"), 1, Integer::sum));
      if (invocation.durationMs().isPresent()) {
        if (durationCount == durations.length) {
          durations = Arrays.copyOf(durations, durations.length * 2);
        }
        durations[durationCount++] = invocation.durationMs().get();
        slowest.add(invocation);
        if (slowest.size() > 5) {
          slowest.poll();
        }
      }
    }

    /** Nearest-rank percentile of the finished invocations' durations; -1 when there are none. */
    long percentile(double p) {
      if (durationCount == 0) {
        return -1;
      }
      long[] sorted = Arrays.copyOf(durations, durationCount);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }

    List<Map.Entry<String, Integer>> topErrorCodes(int n) {
      List<Map.Entry<String, Integer>> entries = new ArrayList<>(errorCodes.entrySet());
      entries.sort(
          Map.Entry.<String, Integer>comparingByValue()
              .reversed()
              .thenComparing(Map.Entry.comparingByKey()));
      return entries.subList(0, Math.min(n, entries.size()));
    }

    List<InvocationSummary> slowest() {
      List<InvocationSummary> list = new ArrayList<>(slowest);
      list.sort(Comparator.comparingLong(RunReport::durationOf).reversed());
      return list;
    }

    void print(PrintStream out) {
      out.println(
          "Run "
              + runId
              + ": "
              + total
              + " invocations in "
              + pages
              + (pages == 1 ? " page" : " pages"));
      out.println();
      List<String> actions = new ArrayList<>();
      for (InvocationAction action : InvocationAction.values()) {
        if (action != InvocationAction.UNKNOWN) {
          actions.add(action.value());
        }
      }
      StringBuilder header = new StringBuilder(String.format("%-12s", "status"));
      for (String action : actions) {
        header.append(String.format("%15s", action));
      }
      out.println(header.append(String.format("%8s", "total")));
      for (Map.Entry<String, Map<String, Integer>> row : byStatusAndAction.entrySet()) {
        StringBuilder line = new StringBuilder(String.format("%-12s", row.getKey()));
        int rowTotal = 0;
        for (String action : actions) {
          int n = row.getValue().getOrDefault(action, 0);
          rowTotal += n;
          line.append(String.format("%15d", n));
        }
        out.println(line.append(String.format("%8d", rowTotal)));
      }
      out.println();
      out.printf(
          "duration ms: p50 %d, p95 %d, max %d (%d finished)%n",
          percentile(50), percentile(95), percentile(100), durationCount);
      out.println();
      out.println("most common error codes:");
      for (Map.Entry<String, Integer> code : topErrorCodes(5)) {
        out.printf("  %-26s %5d%n", code.getKey(), code.getValue());
      }
      out.println();
      out.println("slowest invocations:");
      for (InvocationSummary invocation : slowest()) {
        out.printf(
            "  %s  %-15s %-10s %7d ms%n",
            invocation.id(),
            invocation.actionValue(),
            invocation.statusValue(),
            durationOf(invocation));
      }
    }

    String toJson() throws Exception {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("runId", runId);
      json.put("total", total);
      json.put("pages", pages);
      json.put("byStatusAndAction", byStatusAndAction);
      Map<String, Object> durationsJson = new LinkedHashMap<>();
      durationsJson.put("finished", durationCount);
      durationsJson.put("p50", percentile(50));
      durationsJson.put("p95", percentile(95));
      durationsJson.put("max", percentile(100));
      json.put("durationMs", durationsJson);
      Map<String, Integer> codes = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> code : topErrorCodes(errorCodes.size())) {
        codes.put(code.getKey(), code.getValue());
      }
      json.put("errorCodes", codes);
      List<Map<String, Object>> slow = new ArrayList<>();
      for (InvocationSummary invocation : slowest()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", invocation.id());
        item.put("action", invocation.actionValue());
        item.put("status", invocation.statusValue());
        item.put("durationMs", durationOf(invocation));
        slow.add(item);
      }
      json.put("slowest", slow);
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
    }
  }

  private static long durationOf(InvocationSummary invocation) {
    return invocation.durationMs().orElse(0L);
  }
}
