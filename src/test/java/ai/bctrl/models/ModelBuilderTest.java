package ai.bctrl.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Collections;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ModelBuilderTest {
  private static InvocationSummary.Builder base() {
    return InvocationSummary.builder()
        .id("i")
        .runId("r")
        .runtimeId("rt")
        .action(InvocationAction.ACT)
        .status(InvocationStatus.RUNNING)
        .createdAt(OffsetDateTime.parse("2024-06-10T15:22:30Z"));
  }

  @Test
  void additionalPropertiesCannotHoldANameTheModelHasAPropertyFor() {
    assertThatThrownBy(
            () ->
                InvocationError.builder()
                    .message("m")
                    .additionalProperties(Collections.singletonMap("code", "c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "additionalProperties cannot hold \"code\": it is a property of the model; use its"
                + " setter");
    assertThatThrownBy(
            () -> base().additionalProperties(Collections.singletonMap("createdAt", "yesterday")))
        .hasMessageContaining("\"createdAt\"");
    InvocationError error =
        InvocationError.builder()
            .message("m")
            .additionalProperties(Collections.singletonMap("codes", "c"))
            .build();
    assertThat(error.additionalProperties()).containsOnlyKeys("codes");
    assertThat(error.toBuilder().additionalProperties(null).build().additionalProperties())
        .isEmpty();
  }

  @Test
  void aKnownReasonClassIsSetByItsConstant() {
    ErrorResponse.Builder builder = ErrorResponse.builder().code("c").error("e");
    assertThat(builder.reasonClass(ReasonClass.NOT_FOUND).build().reasonClassValue())
        .contains("not_found");
    assertThat(builder.reasonClass(null).build().reasonClassValue()).isEmpty();
    assertThatThrownBy(() -> builder.reasonClass(ReasonClass.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UNKNOWN has no wire value; use reasonClassValue(String)");
  }

  @Test
  void theLastOfConstantOrWireValueWins() {
    InvocationSummary unknown =
        base().action(InvocationAction.ACT).actionValue("teleport").statusValue("paused").build();
    assertThat(unknown.action()).isEqualTo(InvocationAction.UNKNOWN);
    assertThat(unknown.actionValue()).isEqualTo("teleport");
    assertThat(unknown.status()).isEqualTo(InvocationStatus.UNKNOWN);

    InvocationSummary known = base().actionValue("observe").statusValue("timed_out").build();
    assertThat(known.action()).isEqualTo(InvocationAction.OBSERVE);
    assertThat(known.status()).isEqualTo(InvocationStatus.TIMED_OUT);
    assertThat(known.status().isTerminal()).isTrue();
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    assertThatThrownBy(() -> base().runtimeId(null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("runtimeId == null");
    assertThatThrownBy(() -> base().action(InvocationAction.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErrorResponse.builder().code("c").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("error == null");
  }

  @Test
  void callerMapsAreCopied() {
    java.util.Map<String, Object> details = new java.util.HashMap<>();
    details.put("a", 1);
    InvocationError error = InvocationError.builder().message("m").details(details).build();
    details.put("b", 2);
    assertThat(error.details()).containsOnlyKeys("a");
    assertThat(error.toBuilder().build()).isEqualTo(error).hasSameHashCodeAs(error);
  }

  @Test
  void callerMapsAreCopiedAllTheWayDown() {
    java.util.Map<String, Object> inner = new java.util.HashMap<>();
    inner.put("x", 1);
    java.util.List<Object> list = new java.util.ArrayList<>();
    list.add(inner);
    java.util.Map<String, Object> details = new java.util.HashMap<>();
    details.put("list", list);
    details.put("inner", inner);
    InvocationError error = InvocationError.builder().message("m").details(details).build();

    inner.put("y", 2);
    list.add("z");

    assertThat(error.details().get("inner")).isEqualTo(java.util.Collections.singletonMap("x", 1));
    assertThat((java.util.List<?>) error.details().get("list")).hasSize(1);
    assertThatThrownBy(() -> ((java.util.List<Object>) error.details().get("list")).add(1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(error.toBuilder().build()).isEqualTo(error);
  }
}
