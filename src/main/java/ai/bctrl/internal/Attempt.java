package ai.bctrl.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * OkHttp's dispatcher), reads the whole body, and reports a {@link Result}: a response, or a
 * failure of a named {@link Failure kind}. It knows nothing of retries or deadlines beyond the
 * timeout it is given.
 *
 * <p>While it runs, a watch on the client's {@link Scheduler} cancels it when the connection (TCP
 * and TLS) is not ready within the connect timeout, and, for a sync attempt, when the caller's
 * thread is interrupted: a blocking socket read does not wake on an interrupt.
 */
final class Attempt {
  /** What ended an attempt that got no usable response. */
  enum Failure {
    /** No connection (TCP and TLS) within the connect timeout. */
    CONNECT_TIMEOUT,
    /** No whole response within the attempt's timeout. */
    TIMEOUT,
    /** The calling thread of a sync attempt was interrupted. */
    INTERRUPTED,
    /** Stopped by its call: the client closed or the caller cancelled. */
    STOPPED,
    /** The connection failed (refused, reset, closed mid-response, TLS failure). */
    CONNECTION,
    /** OkHttp gave up following redirects. */
    REDIRECT_LOOP,
    /** An interceptor or event listener of the caller's OkHttpClient threw. */
    CALLER_CODE
  }

  /** What an attempt came to: a response read whole, or a failure with its cause. */
  static final class Result {
    /** Null when a response arrived. */
    final Failure failure;

    final Throwable cause;
    final int status;

    /** The response headers as the server sent them. */
    final Headers headers;

    final ResponseBodies.Body body;
    final MediaType contentType;

    private Result(
        Failure failure,
        Throwable cause,
        int status,
        Headers headers,
        ResponseBodies.Body body,
        MediaType contentType) {
      this.failure = failure;
      this.cause = cause;
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.contentType = contentType;
    }

    static Result failed(Failure failure, Throwable cause) {
      return new Result(failure, cause, 0, null, null, null);
    }
  }

  /**
   * Stands in for the server's {@code Retry-After} on 408 and 503 where OkHttp sees it: OkHttp
   * resends those itself when the header is absent (408) or zero (503), an attempt the SDK could
   * not count, and takes any value that is not a number as "later". {@link #read} gives the call
   * the server's own headers.
   */
  private static final String HELD_RETRY_AFTER = "held-by-bctrl";

  /** How often a sync attempt looks whether its thread was interrupted. */
  private static final long INTERRUPT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  final int number;
  final Request request;
  final long startNanos = System.nanoTime();

  /** Whether the attempt's timeout is what was left of the call's total timeout. */
  final boolean boundByDeadline;

  private final Call call;
  private final Scheduler scheduler;
  private final long connectTimeoutNanos;
  private volatile Thread caller;
  private volatile Future<?> watch;
  private volatile boolean connected;
  private volatile boolean connectTimedOut;
  private volatile boolean stopped;
  private volatile Headers serverHeaders;

  /**
   * @param timeoutNanos the attempt's timeout; 0 for none
   */
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
  Result run() {
    caller = Thread.currentThread();
    try {
      watch = scheduler.every(this::check, Math.min(INTERRUPT_CHECK_NANOS, connectTimeoutNanos));
    } catch (RejectedExecutionException closed) {
      return Result.failed(Failure.STOPPED, closed);
    }
    try (Response response = call.execute()) {
      Result result = read(response);
      return caller.isInterrupted() ? Result.failed(Failure.INTERRUPTED, null) : result;
    } catch (IOException e) {
      return failed(e);
    } catch (RuntimeException e) {
      // Thrown through execute() by an interceptor of the caller's client.
      return Result.failed(Failure.CALLER_CODE, e);
    } finally {
      watch.cancel(false);
    }
  }

  /** Sends the attempt on OkHttp's dispatcher; {@code done} gets its result there. */
  void enqueue(Consumer<Result> done) {
    try {
      watch = scheduler.schedule(this::check, connectTimeoutNanos);
    } catch (RejectedExecutionException closed) {
      done.accept(Result.failed(Failure.STOPPED, closed));
      return;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            Result result;
            try (Response closing = response) {
              result = read(closing);
            } finally {
              watch.cancel(false);
            }
            done.accept(result);
          }

          @Override
          public void onFailure(Call call, IOException e) {
            watch.cancel(false);
            done.accept(failed(e));
          }
        });
  }

  /** Cancels the request in flight for good; its result is {@link Failure#STOPPED}. */
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

  private Result read(Response response) {
    Headers headers =
        HELD_RETRY_AFTER.equals(response.header("Retry-After")) && serverHeaders != null
            ? serverHeaders
            : response.headers();
    ResponseBodies.Body body;
    try {
      body = ResponseBodies.read(response.body(), headers, response.isSuccessful());
    } catch (IOException e) {
      return failed(e);
    }
    return new Result(null, null, response.code(), headers, body, response.body().contentType());
  }

  private Result failed(IOException e) {
    Thread thread = caller;
    if (thread != null && thread.isInterrupted()) {
      return Result.failed(Failure.INTERRUPTED, e);
    }
    if (stopped) {
      return Result.failed(Failure.STOPPED, e);
    }
    if (connectTimedOut) {
      return Result.failed(Failure.CONNECT_TIMEOUT, e);
    }
    Throwable thrown = thrownByCallerCode(e);
    if (thrown != null) {
      return Result.failed(Failure.CALLER_CODE, thrown);
    }
    if (e instanceof InterruptedIOException) {
      return Result.failed(Failure.TIMEOUT, e);
    }
    if (e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("Too many")) {
      return Result.failed(Failure.REDIRECT_LOOP, e);
    }
    return Result.failed(Failure.CONNECTION, e);
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
    if (e.getCause() != null) {
      return e.getCause();
    }
    Throwable[] suppressed = e.getSuppressed();
    return suppressed.length > 0 ? suppressed[0] : null;
  }

  /** The connection is ready (connected, TLS done): the connect watch has nothing more to do. */
  private void connected() {
    connected = true;
    Future<?> pending = watch;
    if (caller == null && pending != null) {
      pending.cancel(false);
    }
  }

  /**
   * The SDK's network interceptor, the last before the wire: marks the attempt connected, keeps the
   * server's headers, and holds {@code Retry-After} back from OkHttp (see {@link
   * #HELD_RETRY_AFTER}).
   */
  static Response onNetwork(Interceptor.Chain chain) throws IOException {
    Attempt attempt = chain.request().tag(Attempt.class);
    if (attempt == null) {
      return chain.proceed(chain.request());
    }
    attempt.connected();
    Response response = chain.proceed(chain.request());
    attempt.serverHeaders = response.headers();
    int code = response.code();
    return code == 408 || code == 503
        ? response.newBuilder().header("Retry-After", HELD_RETRY_AFTER).build()
        : response;
  }
}
