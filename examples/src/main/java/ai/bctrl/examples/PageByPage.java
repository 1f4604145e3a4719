package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import java.util.List;
import java.util.stream.Collectors;

/** Walks page by page, saves a cursor, and resumes from it later, as a batch job would. */
public final class PageByPage {
  private PageByPage() {}

  public static void main(String[] args) throws Exception {
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      ListInvocationsParams params = ListInvocationsParams.builder().limit(100).build();
      String saved = firstPages(example.client, example.runId, params, 3);
      System.out.println("saved cursor: " + saved);
      System.out.println(
          "resumed: " + resume(example.client, example.runId, params, saved) + " more");
      System.out.println("first 5 ids: " + firstIds(example.client, example.runId));
      System.out.println(
          "prefetched walk: " + countPrefetching(example.client, example.runId) + " invocations");
    }
  }

  /** Reads {@code maxPages} pages and returns the cursor to continue from. */
  static String firstPages(
      BctrlClient client, String runId, ListInvocationsParams params, int maxPages) {
    // README: pages
    // Given: BctrlClient client, String runId, ListInvocationsParams params, int maxPages.
    String saved = null;
    int pages = 0;
    for (CursorPage<InvocationSummary> page :
        client.runs().listInvocations(runId, params).pages()) {
      System.out.println("page " + (++pages) + ": " + page.data().size() + " invocations");
      saved = page.nextCursor().orElse(null); // null: that was the last page
      if (pages == maxPages) {
        break;
      }
    }
    // README: end
    return saved;
  }

  /** Continues a walk from a saved cursor, retrying from where a failure stopped it. */
  static int resume(BctrlClient client, String runId, ListInvocationsParams params, String saved) {
    if (saved == null) {
      return 0;
    }
    // README: resume
    // Given: BctrlClient client, String runId, ListInvocationsParams params, String saved;
    // in a method that returns an int.
    String cursor = saved;
    int seen = 0;
    for (int tries = 0; ; tries++) {
      try {
        // The same filters and limit as the walk that saved the cursor, from the cursor.
        ListInvocationsParams from = params.toBuilder().cursor(cursor).build();
        for (InvocationSummary invocation : client.runs().listInvocations(runId, from)) {
          seen++;
        }
        return seen;
      } catch (BctrlException e) {
        // Pages before the failed one were delivered; continue at the page that failed.
        if (tries == 3) {
          throw e;
        }
        cursor = e.resumeCursor().orElse(cursor);
      }
    }
    // README: end
  }

  static long countPrefetching(BctrlClient client, String runId) {
    // README: prefetch
    // Given: BctrlClient client, String runId.
    long count = 0;
    // While this loop works through one page, the next one is already being fetched.
    for (InvocationSummary invocation : client.runs().listInvocations(runId).prefetching()) {
      count++;
    }
    // README: end
    return count;
  }

  static List<String> firstIds(BctrlClient client, String runId) {
    // README: stream
    // Given: BctrlClient client, String runId.
    List<String> ids =
        client.runs().listInvocations(runId).stream()
            .limit(5) // fetches only the first page
            .map(InvocationSummary::id)
            .collect(Collectors.toList());
    // README: end
    return ids;
  }
}
