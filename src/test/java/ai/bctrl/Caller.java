package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.errors.BctrlInterruptedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** A sync call on a thread of its own, for a test to interrupt it or close its client. */
final class Caller {
  final AtomicReference<Throwable> failure = new AtomicReference<>();
  final AtomicBoolean interruptFlag = new AtomicBoolean();
  final Thread thread;

  Caller(Runnable call) {
    thread =
        new Thread(
            () -> {
              try {
                call.run();
              } catch (Throwable t) {
                failure.set(t);
              }
              interruptFlag.set(Thread.currentThread().isInterrupted());
            });
    thread.start();
  }

  /** Interrupts the call and waits up to a second for it to return. */
  void interruptAndJoin() throws InterruptedException {
    thread.interrupt();
    thread.join(1_000);
    assertThat(thread.isAlive()).as("returned within 1 s of the interrupt").isFalse();
  }

  /** The call ended with the "interrupted" exception, never a timeout, and kept the flag. */
  void assertInterrupted() {
    assertThat(failure.get())
        .isExactlyInstanceOf(BctrlInterruptedException.class)
        .hasMessageContaining("interrupted");
    assertThat(interruptFlag).as("interrupt flag kept").isTrue();
  }
}
