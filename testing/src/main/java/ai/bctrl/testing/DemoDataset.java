package ai.bctrl.testing;

import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationError;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seeded demo data of {@link LocalGateway}: the same invocations on every machine, so that a
 * report or a test can be compared run to run.
 */
public final class DemoDataset {
  /** The run the examples use when no API key is set. */
  public static final String DEMO_RUN_ID = "demo-run";

  /** How many invocations the demo run has. */
  public static final int DEMO_RUN_SIZE = 1_234;

  private static final long SEED = 20240610L;
  private static final String[] RUNTIMES = {
    "1c6b147a-8f3a-4d2a-9f3e-2a1b5c4d7e8f",
    "2d7c258b-9a4b-4e3b-8a4f-3b2c6d5e8f90",
    "3e8d369c-ab5c-4f4c-9b5a-4c3d7e6f9a01"
  };

  private DemoDataset() {}

  /** Returns the demo run's invocations, oldest first. */
  public static List<InvocationSummary> demoRun() {
    return generate(DEMO_RUN_ID, DEMO_RUN_SIZE, SEED);
  }

  /** Returns {@code count} invocations of {@code runId}, oldest first, the same for one seed. */
  public static List<InvocationSummary> generate(String runId, int count, long seed) {
    return generate(count, seed, null);
  }

  /**
   * The invocations of {@link #generate(String, int, long)}, with {@code runIdField} as their
   * {@code runId}, or else (null) a random run id drawn from the seed.
   */
  static List<InvocationSummary> generate(int count, long seed, @Nullable String runIdField) {
    Random random = new Random(seed);
    // Drawn even when unused, so that the same seed gives the same invocations either way.
    String runUuid = new UUID(random.nextLong(), random.nextLong()).toString();
    if (runIdField != null) {
      runUuid = runIdField;
    }
    InvocationAction[] actions = {
      InvocationAction.ACT,
      InvocationAction.OBSERVE,
      InvocationAction.EXTRACT,
      InvocationAction.BROWSER_USE,
      InvocationAction.STAGEHAND_AGENT,
      InvocationAction.SOLVE_CAPTCHA
    };
    OffsetDateTime clock = OffsetDateTime.of(2024, 6, 10, 15, 0, 0, 0, ZoneOffset.UTC);
    List<InvocationSummary> invocations = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      InvocationAction action = actions[random.nextInt(actions.length)];
      InvocationStatus status = pickStatus(random, i, count);
      clock = clock.plusNanos((200 + random.nextInt(4_800)) * 1_000_000L);
      InvocationSummary.Builder builder =
          InvocationSummary.builder()
              .id(new UUID(random.nextLong(), random.nextLong()).toString())
              .runId(runUuid)
              .runtimeId(RUNTIMES[random.nextInt(RUNTIMES.length)])
              .action(action)
              .status(status)
              .createdAt(clock);
      if (status.isTerminal()) {
        long duration = durationOf(action, status, random);
        builder.durationMs(duration).finishedAt(clock.plusNanos(duration * 1_000_000L));
      }
      if (status == InvocationStatus.FAILED || status == InvocationStatus.TIMED_OUT) {
        builder.error(errorOf(action, status, random));
      }
      invocations.add(builder.build());
    }
    return Collections.unmodifiableList(invocations);
  }

  /** Mostly finished work; the last few are still in flight, as in a live run. */
  private static InvocationStatus pickStatus(Random random, int index, int count) {
    if (index >= count - 12) {
      InvocationStatus[] live = {
        InvocationStatus.QUEUED,
        InvocationStatus.DISPATCHING,
        InvocationStatus.RUNNING,
        InvocationStatus.CANCELLING
      };
      return live[(count - index) % live.length];
    }
    int roll = random.nextInt(100);
    if (roll < 72) {
      return InvocationStatus.SUCCEEDED;
    }
    if (roll < 86) {
      return InvocationStatus.FAILED;
    }
    if (roll < 94) {
      return InvocationStatus.TIMED_OUT;
    }
    return InvocationStatus.CANCELLED;
  }

  private static long durationOf(InvocationAction action, InvocationStatus status, Random random) {
    if (status == InvocationStatus.TIMED_OUT) {
      return 30_000 + random.nextInt(500);
    }
    long base;
    switch (action) {
      case BROWSER_USE:
      case STAGEHAND_AGENT:
        base = 4_000;
        break;
      case SOLVE_CAPTCHA:
        base = 2_500;
        break;
      default:
        base = 300;
    }
    // A long tail: most calls are quick, a few are many times slower.
    double tail = Math.exp(random.nextGaussian() * 0.8);
    return (long) (base * tail) + random.nextInt(50);
  }

  private static InvocationError errorOf(
      InvocationAction action, InvocationStatus status, Random random) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (status == InvocationStatus.TIMED_OUT) {
      details.put("timeoutSeconds", 30);
      details.put("step", random.nextBoolean() ? "fetchData" : "waitForSelector");
      return InvocationError.builder()
          .code("invocation.timeout")
          .message("Invocation exceeded the maximum allowed duration.")
          .details(details)
          .build();
    }
    switch (action) {
      case SOLVE_CAPTCHA:
        details.put("provider", "recaptcha");
        details.put("attempts", 1 + random.nextInt(3));
        return InvocationError.builder()
            .code("captcha.unsolved")
            .message("The captcha could not be solved.")
            .details(details)
            .build();
      case EXTRACT:
        details.put("schemaField", random.nextBoolean() ? "price" : "title");
        return InvocationError.builder()
            .code("extract.schema_mismatch")
            .message("The page content did not match the extraction schema.")
            .details(details)
            .build();
      case ACT:
      case OBSERVE:
        details.put("selector", "#submit");
        return InvocationError.builder()
            .code("element.not_found")
            .message("No element matched the instruction.")
            .details(details)
            .build();
      default:
        details.put("status", 502);
        return InvocationError.builder()
            .code(random.nextInt(4) == 0 ? "browser.crashed" : "navigation.failed")
            .message("The browser could not complete the task.")
            .details(details)
            .build();
    }
  }
}
