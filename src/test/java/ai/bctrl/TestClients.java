package ai.bctrl;

import ai.bctrl.internal.Delayer;
import ai.bctrl.internal.SystemDelayer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;

/** Clients for tests: pointed at a MockWebServer, with retries that record their waits. */
public final class TestClients {
  public static final String API_KEY = "sk-test-0123456789abcdef";

  private TestClients() {}

  /** A builder aimed at {@code server}, with the test key and no real waiting between retries. */
  public static BctrlClient.Builder builder(MockWebServer server, RecordingDelayer delayer) {
    return new BctrlClient.Builder(name -> null)
        .apiKey(API_KEY)
        .baseUrl(server.url("/").toString())
        .delayer(delayer);
  }

  public static BctrlClient.Builder builder(MockWebServer server) {
    return builder(server, new RecordingDelayer());
  }

  /** A builder that reads the given environment instead of the process's. */
  public static BctrlClient.Builder builderWithEnv(java.util.Map<String, String> env) {
    return new BctrlClient.Builder(env::get);
  }

  /** A builder aimed at {@code server} that waits for real, through {@code delayer}. */
  public static BctrlClient.Builder builderWithDelayer(MockWebServer server, Delayer delayer) {
    return new BctrlClient.Builder(name -> null)
        .apiKey(API_KEY)
        .baseUrl(server.url("/").toString())
        .delayer(delayer);
  }

  /**
   * Records each wait the retry policy asks for and returns at once, moving its clock on by the
   * wait (plus {@link #lateByNanos}, to play a wait that overslept): deadlines see the wait as
   * spent.
   */
  public static final class RecordingDelayer implements Delayer {
    public final List<Long> waits = new CopyOnWriteArrayList<>();
    public volatile long lateByNanos;

    /** True: the clock moves only by the waits, not with real time, so a test can land on it. */
    public volatile boolean frozen;

    private final long frozenAt = System.nanoTime();
    private final AtomicLong waited = new AtomicLong();

    @Override
    public long nanoTime() {
      return (frozen ? frozenAt : System.nanoTime()) + waited.get();
    }

    @Override
    public void sleep(long millis, CompletableFuture<?> until) {
      waits.add(millis);
      waited.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis) + lateByNanos);
    }

    @Override
    public Future<?> schedule(Runnable task, long millis) {
      waits.add(millis);
      waited.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis) + lateByNanos);
      return CompletableFuture.runAsync(task);
    }

    @Override
    public void shutdown() {}
  }

  /** An OkHttpClient whose EventListener throws when a call is cancelled: a careless user's. */
  public static OkHttpClient throwingOnCancel() {
    return new OkHttpClient.Builder()
        .eventListener(
            new EventListener() {
              @Override
              public void canceled(Call call) {
                throw new IllegalStateException("listener bug");
              }
            })
        .build();
  }

  /**
   * Waits for real (the SDK's own delayer), counts the async retries it schedules, and lets a test
   * wait until a call has begun to wait between attempts.
   */
  public static final class WaitingDelayer implements Delayer {
    public final CountDownLatch waiting = new CountDownLatch(1);
    public final AtomicInteger schedules = new AtomicInteger();
    private final SystemDelayer real = new SystemDelayer();

    @Override
    public void sleep(long millis, CompletableFuture<?> until) throws InterruptedException {
      waiting.countDown();
      real.sleep(millis, until);
    }

    @Override
    public Future<?> schedule(Runnable task, long millis) {
      schedules.incrementAndGet();
      waiting.countDown();
      return real.schedule(task, millis);
    }

    @Override
    public void shutdown() {
      real.shutdown();
    }

    /** Waits until a call is waiting to retry. */
    public void awaitBackoff() throws InterruptedException {
      if (!waiting.await(5, TimeUnit.SECONDS)) {
        throw new AssertionError("no call began to wait between attempts within 5 s");
      }
    }
  }
}
