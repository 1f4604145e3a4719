package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationSummary;

/** The README's first snippet: list every invocation of a run. */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) throws Exception {
    String runId = ExampleSupport.runIdArgument(args);
    if (System.getenv("BCTRL_API_KEY") != null && runId != null) {
      fromEnvironment(runId);
      return;
    }
    try (ExampleSupport example = ExampleSupport.connect(runId)) {
      print(example.client, example.runId);
    }
  }

  static void fromEnvironment(String runId) {
    // README: quickstart
    // Given: String runId.
    try (BctrlClient client = BctrlClient.fromEnv()) { // reads BCTRL_API_KEY
      for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
        System.out.println(
            invocation.createdAt() + "  " + invocation.action() + "  " + invocation.status());
      }
    }
    // README: end
  }

  static void print(BctrlClient client, String runId) {
    for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
      System.out.println(
          invocation.createdAt() + "  " + invocation.action() + "  " + invocation.status());
    }
  }
}
