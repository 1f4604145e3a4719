package ai.bctrl.internal;

import java.util.concurrent.Future;

/**
 * Runs the next attempt after a wait, on a scheduler, so that no thread sleeps between attempts.
 * Tests replace it to run retries without real waiting.
 */
public interface Delayer {
  /**
   * Schedules {@code task}; throws {@link java.util.concurrent.RejectedExecutionException} once
   * shut down.
   */
  Future<?> schedule(Runnable task, long millis);

  /** Releases any thread the delayer owns; later schedules are rejected. */
  void shutdown();
}
