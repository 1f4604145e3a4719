package ai.bctrl.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Makes a blocking call interruptible: a socket read does not wake on {@link Thread#interrupt}, so
 * one daemon thread looks at the threads in a sync call every 50 ms and aborts the call of any that
 * was interrupted. Started by the first sync call.
 */
final class InterruptWatch {
  private static final long PERIOD_MILLIS = 50;
  private static final Map<Thread, Exchange<?>> WATCHED = new ConcurrentHashMap<>();
  private static volatile boolean started;

  private InterruptWatch() {}

  static void watch(Exchange<?> exchange) {
    WATCHED.put(Thread.currentThread(), exchange);
    if (!started) {
      start();
    }
  }

  static void unwatch() {
    WATCHED.remove(Thread.currentThread());
  }

  private static synchronized void start() {
    if (started) {
      return;
    }
    ScheduledThreadPoolExecutor watcher =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "bctrl-interrupt-watch");
              thread.setDaemon(true);
              return thread;
            });
    watcher.scheduleWithFixedDelay(
        InterruptWatch::abortInterrupted, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    started = true;
  }

  private static void abortInterrupted() {
    for (Map.Entry<Thread, Exchange<?>> watched : WATCHED.entrySet()) {
      if (watched.getKey().isInterrupted()) {
        watched.getValue().abortInterrupted();
      }
    }
  }
}
