package ai.bctrl.internal;

import java.util.concurrent.Future;

/**
 * Waits between attempts. Sync calls sleep on the caller's thread; async calls schedule the next
 * attempt so that no thread blocks. Tests replace it to run retries without real waiting.
 */
public interface Delayer {
  void sleep(long millis) throws InterruptedException;

  Future<?> schedule(Runnable task, long millis);

  /** Releases any thread the delayer owns. */
  void shutdown();
}
