package ai.bctrl.testing;

import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationError;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Valid model values for your own tests, so that a test states only what it is about.
 *
 * <pre>{@code
 * InvocationSummary failed =
 *     TestValues.invocation().id("inv-7").status(InvocationStatus.FAILED).build();
 * List<InvocationSummary> run =
 *     TestValues.invocations("run-1", InvocationStatus.SUCCEEDED, InvocationStatus.FAILED);
 * }</pre>
 *
 * <p>Every method returns new values, the same on every call: tests that use them are repeatable.
 */
public final class TestValues {
  /** The run id of {@link #invocation()}. */
  public static final String RUN_ID = "run-1";

  /** The runtime id of {@link #invocation()}. */
  public static final String RUNTIME_ID = "rt-1";

  /** The {@code createdAt} of {@link #invocation()}: 2024-06-10T15:22:30Z. */
  public static final OffsetDateTime CREATED_AT =
      OffsetDateTime.of(2024, 6, 10, 15, 22, 30, 0, ZoneOffset.UTC);

  private TestValues() {}

  /**
   * A builder of an invocation with every required field filled: id {@code inv-1}, run {@value
   * #RUN_ID}, runtime {@value #RUNTIME_ID}, action {@code ACT}, status {@code SUCCEEDED}, created
   * at {@link #CREATED_AT}; the optional fields ({@code finishedAt}, {@code durationMs}, {@code
   * error}) are empty. Set any of them on the builder before {@code build()}.
   */
  public static InvocationSummary.Builder invocation() {
    return InvocationSummary.builder()
        .id("inv-1")
        .runId(RUN_ID)
        .runtimeId(RUNTIME_ID)
        .action(InvocationAction.ACT)
        .status(InvocationStatus.SUCCEEDED)
        .createdAt(CREATED_AT);
  }

  /**
   * A builder of an invocation error with its required message filled ({@code "Element not found"})
   * and the code {@code element.not_found}; {@code details} are empty.
   */
  public static InvocationError.Builder error() {
    return InvocationError.builder().message("Element not found").code("element.not_found");
  }

  /**
   * One invocation of {@code runId} per status, in this order: ids {@code inv-1}, {@code inv-2},
   * ..., created one second apart from {@link #CREATED_AT}. A finished one (succeeded, failed,
   * cancelled, timed out) has {@code finishedAt} and {@code durationMs} (one second); a failed or
   * timed-out one has an {@link #error()}. The rest is as {@link #invocation()}.
   *
   * @throws IllegalArgumentException if {@code runId} or a status is null, or a status is {@code
   *     UNKNOWN}
   */
  public static List<InvocationSummary> invocations(String runId, InvocationStatus... statuses) {
    if (runId == null || statuses == null) {
      throw new IllegalArgumentException("runId and statuses must not be null");
    }
    List<InvocationSummary> invocations = new ArrayList<>(statuses.length);
    for (int i = 0; i < statuses.length; i++) {
      InvocationStatus status = statuses[i];
      if (status == null || status == InvocationStatus.UNKNOWN) {
        throw new IllegalArgumentException("status " + (i + 1) + " is " + status);
      }
      OffsetDateTime created = CREATED_AT.plusSeconds(i);
      InvocationSummary.Builder builder =
          invocation().id("inv-" + (i + 1)).runId(runId).status(status).createdAt(created);
      if (finished(status)) {
        builder.finishedAt(created.plusSeconds(1)).durationMs(1_000L);
      }
      if (status == InvocationStatus.FAILED) {
        builder.error(error().build());
      } else if (status == InvocationStatus.TIMED_OUT) {
        builder.error(error().message("Timed out after 30 s").code("invocation.timeout").build());
      }
      invocations.add(builder.build());
    }
    return Collections.unmodifiableList(invocations);
  }

  /**
   * {@code count} realistic invocations of {@code runId} (mixed actions and statuses, failures with
   * errors, the last few still running), the same for the same {@code seed}: the kind of run the
   * demo run {@value DemoDataset#DEMO_RUN_ID} is. Serve it with {@link
   * LocalGateway.Builder#run(String, List)}.
   */
  public static List<InvocationSummary> seededRun(String runId, int count, long seed) {
    if (runId == null || count < 0) {
      throw new IllegalArgumentException("runId must not be null and count must be >= 0");
    }
    return DemoDataset.generate(count, seed, runId);
  }

  private static boolean finished(InvocationStatus status) {
    return status == InvocationStatus.SUCCEEDED
        || status == InvocationStatus.FAILED
        || status == InvocationStatus.CANCELLED
        || status == InvocationStatus.TIMED_OUT;
  }
}
