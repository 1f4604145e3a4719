package ai.bctrl.internal;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real waiting: one daemon scheduler thread per client, started on first use so that a client that
 * never retries never starts it.
 */
public final class SystemDelayer implements Delayer {
  private ScheduledExecutorService scheduler;
  private boolean shutdown;

  @Override
  public Future<?> schedule(Runnable task, long millis) {
    return scheduler().schedule(task, millis, TimeUnit.MILLISECONDS);
  }

  private synchronized ScheduledExecutorService scheduler() {
    if (shutdown) {
      throw new RejectedExecutionException("client is closed");
    }
    if (scheduler == null) {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              runnable -> {
                Thread thread = new Thread(runnable, "bctrl-retry-scheduler");
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      scheduler = executor;
    }
    return scheduler;
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
