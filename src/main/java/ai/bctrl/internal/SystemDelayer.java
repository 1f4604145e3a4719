package ai.bctrl.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Real waiting: sync calls wait on their own thread (woken early when the call is aborted); async
 * retries run on one daemon scheduler thread per client, started on first use so that a client that
 * never retries asynchronously never starts it.
 */
public final class SystemDelayer implements Delayer {
  private ScheduledExecutorService scheduler;
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
