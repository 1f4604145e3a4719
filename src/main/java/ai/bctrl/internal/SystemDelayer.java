package ai.bctrl.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Real waiting: sync calls wait on their own thread (woken early when the call ends: closed or
 * cancelled); async retries run on a {@link Scheduler} (the client's, for the delayer a client
 * makes itself), whose thread starts on first use and exits when idle or at {@link #shutdown}.
 */
public final class SystemDelayer implements Delayer {
  private final Scheduler scheduler;

  /** With a timer thread of its own. */
  public SystemDelayer() {
    this(new Scheduler());
  }

  /** On a client's timer thread, which the client shuts down with it. */
  SystemDelayer(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

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
    return scheduler.schedule(task, TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Override
  public void shutdown() {
    scheduler.shutdown();
  }
}
