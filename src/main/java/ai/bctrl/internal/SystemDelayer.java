package ai.bctrl.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;

/**
 * Real waiting, and a client's one timer thread: async retries, and the watch that bounds an
 * attempt's connect phase and stops a sync attempt whose thread was interrupted. Sync calls wait on
 * their own thread, woken early when the call ends. The thread starts on first use and exits after
 * ten idle seconds and at {@link #shutdown}; a task that throws (a user's {@code EventListener},
 * say) is logged and never stops the thread or other calls' tasks.
 */
public final class SystemDelayer implements Delayer {
  private ScheduledThreadPoolExecutor executor;
  private boolean shutdown;

  @Override
  public void sleep(long millis, CompletableFuture<?> until) throws InterruptedException {
    try {
      until.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | CancellationException overOrEnded) {
      // Either the wait is over or the call ended (closed, cancelled): the caller looks which.
    }
  }

  @Override
  public Future<?> schedule(Runnable task, long millis) {
    return after(task, TimeUnit.MILLISECONDS.toNanos(millis));
  }

  /**
   * Runs {@code task} once after {@code nanos}; {@link RejectedExecutionException} once shut down.
   */
  Future<?> after(Runnable task, long nanos) {
    return executor().schedule(guarded(task), nanos, TimeUnit.NANOSECONDS);
  }

  /** Runs {@code task} every {@code nanos}, first after {@code nanos}, until cancelled. */
  Future<?> every(Runnable task, long nanos) {
    return executor().scheduleWithFixedDelay(guarded(task), nanos, nanos, TimeUnit.NANOSECONDS);
  }

  private synchronized ScheduledThreadPoolExecutor executor() {
    if (shutdown) {
      throw new RejectedExecutionException("the client is closed");
    }
    if (executor == null) {
      executor =
          new ScheduledThreadPoolExecutor(1, runnable -> Transport.daemon(runnable, "scheduler"));
      executor.setRemoveOnCancelPolicy(true);
      executor.setKeepAliveTime(10, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
    }
    return executor;
  }

  /** Stops the thread now; pending tasks are dropped and later ones refused. */
  @Override
  public synchronized void shutdown() {
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
