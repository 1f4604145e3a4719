package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.RequestOptions;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import java.time.Duration;

/** Response metadata, a total deadline and a per-call key: the README's snippets, run for real. */
public final class ResponseDetails {
  private ResponseDetails() {}

  public static void main(String[] args) throws Exception {
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      printPageMetadata(example.client, example.runId);
      System.out.println(bounded(example.client, example.runId) + " invocations within 30 s");
    }
  }

  static void printPageMetadata(BctrlClient client, String runId) {
    // README: response metadata
    // Given: BctrlClient client, String runId.
    StringBuilder out = new StringBuilder();
    for (CursorPage<InvocationSummary> page : client.runs().listInvocations(runId).pages()) {
      out.append(page.response().requestId().orElse("-"))
          .append(": ")
          .append(page.data().size())
          .append(" invocations, ")
          .append(page.response().attempts())
          .append(" attempt(s), ")
          .append(page.response().elapsed().toMillis())
          .append(" ms, rate limit left ")
          .append(page.response().header("X-RateLimit-Remaining").orElse("?"))
          .append('\n');
    }
    System.out.print(out);
    // README: end
  }

  static long bounded(BctrlClient client, String runId) {
    // README: total timeout
    // Given: BctrlClient client, String runId.
    RequestOptions bounded =
        RequestOptions.builder()
            .timeout(Duration.ofSeconds(10)) // each attempt
            .totalTimeout(Duration.ofSeconds(30)) // each page: attempts and waits together
            .build();
    long count =
        client.runs().listInvocations(runId, ListInvocationsParams.none(), bounded).stream()
            .count();
    // README: end
    return count;
  }

  static long forTenant(BctrlClient client, String runId, String tenantKey) {
    // README: per-call key
    // Given: BctrlClient client, String runId, String tenantKey.
    RequestOptions asTenant = RequestOptions.builder().apiKey(tenantKey).build();
    long count =
        client.runs().listInvocations(runId, ListInvocationsParams.none(), asTenant).stream()
            .count();
    // README: end
    return count;
  }
}
