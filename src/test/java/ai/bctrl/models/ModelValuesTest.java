package ai.bctrl.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What the models promise through their public methods: states, known values, required fields. */
class ModelValuesTest {

  @Test
  void exactlySucceededFailedCancelledAndTimedOutAreTerminal() {
    EnumSet<InvocationStatus> terminal =
        EnumSet.of(
            InvocationStatus.SUCCEEDED,
            InvocationStatus.FAILED,
            InvocationStatus.CANCELLED,
            InvocationStatus.TIMED_OUT);
    for (InvocationStatus status : InvocationStatus.values()) {
      assertThat(status.isTerminal()).as("%s", status).isEqualTo(terminal.contains(status));
    }
  }

  @Test
  void onlyUnknownIsNotKnown() {
    for (ReasonClass reason : ReasonClass.values()) {
      assertThat(reason.isKnown()).as("%s", reason).isEqualTo(reason != ReasonClass.UNKNOWN);
    }
    for (InvocationStatus status : InvocationStatus.values()) {
      assertThat(status.isKnown()).as("%s", status).isEqualTo(status != InvocationStatus.UNKNOWN);
    }
    for (InvocationAction action : InvocationAction.values()) {
      assertThat(action.isKnown()).as("%s", action).isEqualTo(action != InvocationAction.UNKNOWN);
    }
  }

  private static InvocationSummary.Builder complete() {
    return InvocationSummary.builder()
        .id("i")
        .runId("r")
        .runtimeId("rt")
        .action(InvocationAction.ACT)
        .status(InvocationStatus.RUNNING)
        .createdAt(OffsetDateTime.parse("2024-06-10T15:22:30Z"));
  }

  @Test
  void everyRequiredFieldOfASummaryIsNamedWhenMissing() {
    for (String field :
        Arrays.asList("id", "runId", "runtimeId", "action", "status", "createdAt")) {
      UnaryOperator<InvocationSummary.Builder> unset;
      switch (field) {
        case "id":
          unset = b -> b.id(null);
          break;
        case "runId":
          unset = b -> b.runId(null);
          break;
        case "runtimeId":
          unset = b -> b.runtimeId(null);
          break;
        case "action":
          unset = b -> b.actionValue(null);
          break;
        case "status":
          unset = b -> b.statusValue(null);
          break;
        default:
          unset = b -> b.createdAt(null);
      }
      assertThatThrownBy(() -> unset.apply(complete()).build())
          .as(field)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(field + " == null");
    }
  }

  @Test
  void anErrorBodyBuiltByHandKeepsEveryField() {
    ErrorResponse error =
        ErrorResponse.builder()
            .code("rate_limited")
            .error("slow down")
            .hint("wait")
            .reasonClassValue("rate_limited")
            .requestId("req_1")
            .details(Collections.singletonMap("limit", 10))
            .build();

    assertThat(error.code()).isEqualTo("rate_limited");
    assertThat(error.error()).isEqualTo("slow down");
    assertThat(error.hint()).contains("wait");
    assertThat(error.reasonClass()).isEqualTo(ReasonClass.RATE_LIMITED);
    assertThat(error.requestId()).contains("req_1");
    assertThat(error.details()).containsEntry("limit", 10);
    assertThatThrownBy(() -> ErrorResponse.builder().error("e").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("code == null");
  }

  @Test
  void invocationErrorsDifferingInAnyFieldAreNotEqual() {
    InvocationError error = InvocationError.builder().message("m").code("c").build();

    assertThat(error).isEqualTo(error.toBuilder().build());
    assertThat(error).isNotEqualTo(error.toBuilder().message("other").build());
    assertThat(error).isNotEqualTo(error.toBuilder().code("other").build());
    assertThat(error)
        .isNotEqualTo(error.toBuilder().details(Collections.singletonMap("k", 1)).build());
    assertThat(error).isNotEqualTo("m");
  }
}
