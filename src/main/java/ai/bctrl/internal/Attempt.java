package ai.bctrl.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One HTTP request of a call, the attempt layer: sends it once (on the caller's thread, or on
 * OkHttp's dispatcher), reads the whole body, and says what happened as an {@link Outcome}. It
 * knows nothing of retries, nor of deadlines beyond the timeout it is given.
 *
 * <p>While it runs, a watch on the client's {@link Scheduler} cancels it when the connection (TCP
 * and TLS) is not ready within the connect timeout and, for a sync attempt, when the caller's
 * thread is interrupted: a blocking socket read does not wake on an interrupt.
 */
final class Attempt {
  /** What an attempt came to. */
  enum Outcome {
    RESPONSE, // a response, read whole: status, headers, body
    CONNECT_TIMEOUT, // no connection (TCP and TLS) within the connect timeout
    TIMEOUT, // no whole response within the attempt's timeout
    INTERRUPTED, // the calling thread of a sync attempt was interrupted
    STOPPED, // stopped by its call: the client closed or the caller cancelled
    CONNECTION, // refused, reset, closed mid-response, a TLS failure
    REDIRECT_LOOP, // OkHttp gave up following redirects
    CALLER_CODE // an interceptor or listener of the caller's OkHttpClient threw
  }

  /**
   * Stands in for the server's {@code Retry-After} on 408 and 503 where OkHttp sees it: OkHttp
   * resends those itself when the header is absent (408) or zero (503), an attempt the SDK could
   * not count, and takes a value that is not a number as "later". {@link #read} restores it.
   */
  private static final String HELD_RETRY_AFTER = "held-by-bctrl";

  /** How often a sync attempt looks whether its thread was interrupted. */
  private static final long INTERRUPT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  final int number;
  final Request request;
  final long startNanos = System.nanoTime();

  /** Whether the attempt's timeout is what was left of the call's total timeout. */
  final boolean boundByDeadline;

  // What happened, once run() returns or enqueue() calls back.
  Outcome outcome;
  Throwable cause;
  int status;
  Headers headers;
  ResponseBodies.Body body;
  MediaType contentType;

  private final Call call;
  private final Scheduler scheduler;
  private final long connectTimeoutNanos;
  private volatile Thread caller;
  private volatile Future<?> watch;
  private volatile boolean connected;
  private volatile boolean connectTimedOut;
  private volatile boolean stopped;
  private volatile Headers serverHeaders;

  /** {@code timeoutNanos} 0 means none. */
  Attempt(
      OkHttpClient client,
      Scheduler scheduler,
      ApiCall<?> of,
      int number,
      long timeoutNanos,
      boolean boundByDeadline,
      long connectTimeoutNanos) {
    this.number = number;
    this.boundByDeadline = boundByDeadline;
    this.scheduler = scheduler;
    this.connectTimeoutNanos = connectTimeoutNanos;
    this.request = of.api.httpRequest(of.url, number, of.apiKey, this);
    this.call = client.newCall(request);
    call.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** Runs the attempt on the calling thread. */
  void run() {
    caller = Thread.currentThread();
    try {
      watch = scheduler.every(this::check, Math.min(INTERRUPT_CHECK_NANOS, connectTimeoutNanos));
    } catch (RejectedExecutionException closed) {
      ended(Outcome.STOPPED, closed);
      return;
    }
    try (Response response = call.execute()) {
      read(response);
      if (caller.isInterrupted()) {
        ended(Outcome.INTERRUPTED, null);
      }
    } catch (IOException e) {
      failed(e);
    } catch (RuntimeException e) {
      ended(Outcome.CALLER_CODE, e); // Thrown through execute() by an interceptor of the caller's.
    } finally {
      watch.cancel(false);
    }
  }

  /** Sends the attempt on OkHttp's dispatcher and runs {@code done} there once it is over. */
  void enqueue(Runnable done) {
    try {
      watch = scheduler.schedule(this::check, connectTimeoutNanos);
    } catch (RejectedExecutionException closed) {
      ended(Outcome.STOPPED, closed);
      done.run();
      return;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            try (Response closing = response) {
              read(closing);
            } finally {
              watch.cancel(false);
            }
            done.run();
          }

          @Override
          public void onFailure(Call call, IOException e) {
            watch.cancel(false);
            failed(e);
            done.run();
          }
        });
  }

  /** Cancels the request in flight for good; its outcome is {@link Outcome#STOPPED}. */
  void stop() {
    stopped = true;
    cancel();
  }

  private void check() {
    Thread thread = caller;
    if (thread != null && thread.isInterrupted()) {
      cancel();
    } else if (!connected && System.nanoTime() - startNanos >= connectTimeoutNanos) {
      connectTimedOut = true;
      cancel();
    }
  }

  private void cancel() {
    try {
      call.cancel();
    } catch (RuntimeException | LinkageError e) {
      // A caller's EventListener.canceled threw; the call is cancelled all the same.
      SdkLog.LOGGER.log(Level.WARNING, "ai.bctrl: an OkHttp EventListener threw on cancel", e);
    }
  }

  private void read(Response response) {
    Headers received =
        HELD_RETRY_AFTER.equals(response.header("Retry-After")) && serverHeaders != null
            ? serverHeaders
            : response.headers();
    try {
      body = ResponseBodies.read(response.body(), received, response.isSuccessful());
    } catch (IOException e) {
      failed(e);
      return;
    }
    status = response.code();
    headers = received;
    contentType = response.body().contentType();
    ended(Outcome.RESPONSE, null);
  }

  private void failed(IOException e) {
    Thread thread = caller;
    Throwable thrown = thrownByCallerCode(e);
    if (thread != null && thread.isInterrupted()) {
      ended(Outcome.INTERRUPTED, e);
    } else if (stopped) {
      ended(Outcome.STOPPED, e);
    } else if (connectTimedOut) {
      ended(Outcome.CONNECT_TIMEOUT, e);
    } else if (thrown != null) {
      ended(Outcome.CALLER_CODE, thrown);
    } else if (e instanceof InterruptedIOException) {
      ended(Outcome.TIMEOUT, e);
    } else if (e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("Too")) {
      ended(Outcome.REDIRECT_LOOP, e);
    } else {
      ended(Outcome.CONNECTION, e);
    }
  }

  private void ended(Outcome outcome, Throwable cause) {
    this.outcome = outcome;
    this.cause = cause;
  }

  /**
   * What an interceptor threw, from the exception OkHttp's dispatcher reports it with ("canceled
   * due to" it: the cause on OkHttp 5, suppressed on 4); null for any other failure.
   */
  private static Throwable thrownByCallerCode(IOException e) {
    if (e.getClass() != IOException.class
        || !String.valueOf(e.getMessage()).startsWith("canceled due to ")) {
      return null;
    }
    Throwable[] suppressed = e.getSuppressed();
    return e.getCause() != null ? e.getCause() : suppressed.length > 0 ? suppressed[0] : null;
  }

  /**
   * The SDK's network interceptor, the last before the wire: the connection is ready, so the
   * connect watch of an async attempt has nothing more to do; keeps the server's headers, and holds
   * {@code Retry-After} back from OkHttp (see {@link #HELD_RETRY_AFTER}).
   */
  static Response onNetwork(Interceptor.Chain chain) throws IOException {
    Attempt attempt = chain.request().tag(Attempt.class);
    if (attempt == null) {
      return chain.proceed(chain.request());
    }
    attempt.connected = true;
    Future<?> pending = attempt.watch;
    if (attempt.caller == null && pending != null) {
      pending.cancel(false);
    }
    Response response = chain.proceed(chain.request());
    attempt.serverHeaders = response.headers();
    int code = response.code();
    return code == 408 || code == 503
        ? response.newBuilder().header("Retry-After", HELD_RETRY_AFTER).build()
        : response;
  }
}
