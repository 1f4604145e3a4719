package ai.bctrl.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestValuesTest {

  @Test
  void anInvocationHasEveryRequiredFieldAndEachCanBeOverridden() {
    InvocationSummary plain = TestValues.invocation().build();
    assertThat(plain.id()).isEqualTo("inv-1");
    assertThat(plain.runId()).isEqualTo("run-1");
    assertThat(plain.runtimeId()).isEqualTo("rt-1");
    assertThat(plain.action()).isEqualTo(InvocationAction.ACT);
    assertThat(plain.status()).isEqualTo(InvocationStatus.SUCCEEDED);
    assertThat(plain.createdAt()).isEqualTo(OffsetDateTime.parse("2024-06-10T15:22:30Z"));
    assertThat(plain.error()).isEmpty();
    assertThat(plain.finishedAt()).isEmpty();

    InvocationSummary failed =
        TestValues.invocation()
            .id("inv-9")
            .status(InvocationStatus.FAILED)
            .error(TestValues.error().build())
            .durationMs(12L)
            .build();
    assertThat(failed.id()).isEqualTo("inv-9");
    assertThat(failed.status()).isEqualTo(InvocationStatus.FAILED);
    assertThat(failed.error().get().message()).isEqualTo("Element not found");
    assertThat(failed.error().get().code()).contains("element.not_found");
    assertThat(failed.durationMs()).contains(12L);
    assertThat(TestValues.invocation().build()).isEqualTo(plain);
  }

  @Test
  void invocationsAreOnePerStatusInOrderWithDistinctIds() {
    List<InvocationSummary> run =
        TestValues.invocations(
            "run-7",
            InvocationStatus.SUCCEEDED,
            InvocationStatus.FAILED,
            InvocationStatus.RUNNING,
            InvocationStatus.TIMED_OUT);

    assertThat(run)
        .extracting(InvocationSummary::id)
        .containsExactly("inv-1", "inv-2", "inv-3", "inv-4");
    assertThat(run).extracting(InvocationSummary::runId).containsOnly("run-7");
    assertThat(run.get(1).createdAt()).isEqualTo(TestValues.CREATED_AT.plusSeconds(1));
    assertThat(run.get(0).error()).isEmpty();
    assertThat(run.get(0).durationMs()).contains(1000L);
    assertThat(run.get(1).error()).isPresent();
    assertThat(run.get(2).finishedAt()).isEmpty();
    assertThat(run.get(3).error().get().code()).contains("invocation.timeout");
    assertThatThrownBy(() -> TestValues.invocations("r", InvocationStatus.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status 1 is UNKNOWN");
  }

  @Test
  void aSeededRunIsTheSameForOneSeedAndServedAsItIs() throws Exception {
    List<InvocationSummary> run = TestValues.seededRun("nightly", 120, 7);
    assertThat(TestValues.seededRun("nightly", 120, 7)).isEqualTo(run);
    assertThat(TestValues.seededRun("nightly", 120, 8)).isNotEqualTo(run);
    assertThat(run).extracting(InvocationSummary::runId).containsOnly("nightly");
    assertThat(run.stream().map(InvocationSummary::status).collect(Collectors.toSet()))
        .contains(InvocationStatus.SUCCEEDED, InvocationStatus.FAILED, InvocationStatus.RUNNING);
    // The same invocations as the demo generator's, apart from the run id field.
    assertThat(run)
        .extracting(InvocationSummary::id)
        .isEqualTo(
            DemoDataset.generate("nightly", 120, 7).stream()
                .map(InvocationSummary::id)
                .collect(Collectors.toList()));

    try (LocalGateway gateway =
            LocalGateway.builder().seededRun("nightly", 120, 7).pageSize(50).start();
        BctrlClient client =
            BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build()) {
      List<InvocationSummary> served =
          client.runs().listInvocations("nightly").stream().collect(Collectors.toList());
      assertThat(served).isEqualTo(run);
      assertThat(gateway.requests()).hasSize(3);
    }
  }

  @Test
  void invocationsBuiltByTheKitRoundTripThroughTheGateway() throws Exception {
    List<InvocationSummary> run =
        TestValues.invocations("run-1", InvocationStatus.FAILED, InvocationStatus.CANCELLED);
    try (LocalGateway gateway = LocalGateway.builder().run("run-1", run).start();
        BctrlClient client =
            BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build()) {
      assertThat(client.runs().listInvocations("run-1").data()).isEqualTo(run);
    }
  }
}
