package ai.bctrl.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The clock and the waits between attempts: async calls schedule the next attempt so that no thread
 * sleeps, sync calls wait on the caller's thread. Tests replace it to run retries without real
 * waiting and to move the clock that deadlines are measured on.
 */
public interface Delayer {
  /** The time deadlines are measured on, as {@link System#nanoTime()}. */
  default long nanoTime() {
    return System.nanoTime();
  }

  /** Waits {@code millis} on the calling thread, or less if {@code until} completes first. */
  void sleep(long millis, CompletableFuture<?> until) throws InterruptedException;

  /**
   * Schedules {@code task}; {@link java.util.concurrent.RejectedExecutionException} once shut down.
   */
  Future<?> schedule(Runnable task, long millis);

  /** Releases any thread the delayer owns; later schedules are rejected. */
  void shutdown();
}
