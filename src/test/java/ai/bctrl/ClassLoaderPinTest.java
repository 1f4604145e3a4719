package ai.bctrl;

import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecyclers;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sync call leaves nothing of Jackson on the calling thread: Jackson's per-thread buffer recycler
 * (a SoftReference in a ThreadLocal) would keep the class loader of the application that made the
 * call reachable from a container's thread after the application is undeployed.
 */
@Timeout(10)
class ClassLoaderPinTest extends MockServerTest {

  @Test
  void aSyncCallLeavesNoJacksonBuffersOnTheCallingThread() throws Exception {
    server.enqueue(page(0, 3, null));
    AtomicReference<Object> left = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                assertThat(client.runs().listInvocations("r").data()).hasSize(3);
                left.set(jacksonsBuffersOnThisThread());
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    caller.start();
    caller.join();

    assertThat(failure.get()).isNull();
    assertThat(left.get()).as("Jackson's thread-local buffer recycler").isNull();
  }

  /** What Jackson's thread-local recycling holds for this thread (the same field 2.13 to 2.23). */
  private static Object jacksonsBuffersOnThisThread() throws ReflectiveOperationException {
    Field recyclers = BufferRecyclers.class.getDeclaredField("_recyclerRef");
    recyclers.setAccessible(true);
    return ((ThreadLocal<?>) recyclers.get(null)).get();
  }
}
