package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationSummary;

/** The README's first snippet: list every invocation of a run. */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) throws Exception {
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      listAll(example.client, example.runId);
    }
  }

  static void listAll(BctrlClient client, String runId) {
    // README: quickstart
    for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
      System.out.println(
          invocation.createdAt() + "  " + invocation.action() + "  " + invocation.status());
    }
    // README: end
  }
}
