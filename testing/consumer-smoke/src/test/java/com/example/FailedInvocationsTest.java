package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.testing.Fault;
import ai.bctrl.testing.LocalGateway;
import ai.bctrl.testing.ReceivedRequest;
import ai.bctrl.testing.TestValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedInvocationsTest {

  /** The code under test: counts a run's failed invocations. */
  static long countFailed(BctrlClient client, String runId) {
    long failed = 0;
    for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
      if (invocation.status() == InvocationStatus.FAILED) {
        failed++;
      }
    }
    return failed;
  }

  @Test
  void countsFailedInvocationsOnEveryPageAndRidesOutA503() throws IOException {
    // Valid invocations from the test kit: ids inv-1, inv-2, inv-3, one per status.
    List<InvocationSummary> invocations =
        new ArrayList<>(
            TestValues.invocations(
                "run-1",
                InvocationStatus.SUCCEEDED,
                InvocationStatus.FAILED,
                InvocationStatus.FAILED));
    // Any field of a valid invocation can be set; here a fourth that timed out.
    invocations.add(TestValues.invocation().id("inv-4").status(InvocationStatus.TIMED_OUT).build());
    // Pages of 2, so that the walk takes two pages; the second request is answered 503.
    try (LocalGateway gateway =
            LocalGateway.builder()
                .run("run-1", invocations)
                .pageSize(2)
                .failRequest(2, Fault.status(503).retryAfter("0"))
                .start();
        BctrlClient client =
            BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build()) {
      long failed = countFailed(client, "run-1");

      assertThat(failed).isEqualTo(2);
      List<ReceivedRequest> requests = gateway.requests();
      assertThat(requests).hasSize(3); // page 1, page 2 answered 503, page 2 again
      assertThat(requests.get(1).queryParameter("cursor"))
          .isEqualTo(requests.get(2).queryParameter("cursor"));
      assertThat(requests.get(2).header("X-Bctrl-Retry-Count")).contains("1");
    }
  }
}
