package ai.bctrl.internal;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * One client's timer thread: async retries, and the watch that bounds an attempt's connect phase
 * and stops a sync attempt whose thread was interrupted. Started on first use, it exits after ten
 * idle seconds and at {@link #shutdown}; a task that throws (a user's {@code EventListener}, say)
 * is logged and never stops the thread or the tasks of other calls.
 */
final class Scheduler {
  private static final long IDLE_SECONDS = 10;

  private ScheduledThreadPoolExecutor executor;
  private boolean shutdown;

  /**
   * Runs {@code task} once after {@code nanos}; throws {@link RejectedExecutionException} once shut
   * down.
   */
  Future<?> schedule(Runnable task, long nanos) {
    return executor().schedule(guarded(task), nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Runs {@code task} every {@code nanos}, first after {@code nanos}, until the future is
   * cancelled.
   */
  Future<?> every(Runnable task, long nanos) {
    return executor().scheduleWithFixedDelay(guarded(task), nanos, nanos, TimeUnit.NANOSECONDS);
  }

  private synchronized ScheduledThreadPoolExecutor executor() {
    if (shutdown) {
      throw new RejectedExecutionException("the client is closed");
    }
    if (executor == null) {
      executor =
          new ScheduledThreadPoolExecutor(
              1,
              runnable -> {
                Thread thread = new Thread(runnable, "bctrl-scheduler");
                // A program that forgets close() still exits.
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      executor.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
    }
    return executor;
  }

  /** Stops the thread now; pending tasks are dropped and later ones refused. */
  synchronized void shutdown() {
    shutdown = true;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | LinkageError e) {
        SdkLog.LOGGER.log(Level.WARNING, "ai.bctrl: a scheduled task threw; the call goes on", e);
      }
    };
  }
}
