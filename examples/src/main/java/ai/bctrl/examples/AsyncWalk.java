package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Counts failed invocations of a run without blocking a thread per request. */
public final class AsyncWalk {
  private AsyncWalk() {}

  public static void main(String[] args) throws Exception {
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      System.out.println(countFailed(example.client, example.runId).get() + " failed");
    }
  }

  static CompletableFuture<Long> countFailed(BctrlClient client, String runId) {
    // README: async
    // Given: BctrlClient client, String runId.
    AtomicLong failed = new AtomicLong();
    CompletableFuture<Long> done =
        client
            .runs()
            .listInvocationsAsync(runId)
            .thenCompose(
                first ->
                    first.forEachAsync(
                        invocation -> {
                          if (invocation.error().isPresent()) {
                            failed.incrementAndGet();
                          }
                        }))
            .thenApply(ignored -> failed.get());
    // README: end
    return done;
  }

  static void cancelled(BctrlClient client, String runId) {
    // README: async cancel
    // Given: BctrlClient client, String runId.
    CursorPage<InvocationSummary> first = client.runs().listInvocations(runId);
    CompletableFuture<Void> walk = first.forEachAsync(invocation -> {});
    // Cancel the walk's own future: cancelling one derived from it (thenApply, thenCompose)
    // completes only that one and leaves the walk fetching.
    walk.cancel(true);
    // README: end
  }
}
