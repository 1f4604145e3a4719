package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;

/** Lists the failed and timed-out browser-use and captcha invocations, with their error codes. */
public final class FilterFailures {
  private FilterFailures() {}

  public static void main(String[] args) throws Exception {
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      printFailures(example.client, example.runId);
    }
  }

  static void printFailures(BctrlClient client, String runId) {
    // README: filters
    // Given: BctrlClient client, String runId.
    ListInvocationsParams failures =
        ListInvocationsParams.builder()
            .status(InvocationStatus.FAILED, InvocationStatus.TIMED_OUT)
            .action(InvocationAction.BROWSER_USE, InvocationAction.SOLVE_CAPTCHA)
            .limit(100)
            .build();
    for (InvocationSummary invocation : client.runs().listInvocations(runId, failures)) {
      String code = invocation.error().flatMap(e -> e.code()).orElse("(no code)");
      System.out.println(invocation.id() + "  " + invocation.status() + "  " + code);
    }
    // README: end
  }

  /** A status and an action newer than this SDK version (the local gateway knows neither). */
  static CursorPage<InvocationSummary> newerStatus(BctrlClient client, String runId) {
    // README: raw filters
    // Given: BctrlClient client, String runId.
    ListInvocationsParams paused =
        ListInvocationsParams.builder().statusValue("paused").actionValue("act", "scroll").build();
    CursorPage<InvocationSummary> page = client.runs().listInvocations(runId, paused);
    // README: end
    return page;
  }
}
