package ai.bctrl.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One HTTP request of a call, sent on the caller's thread or OkHttp's dispatcher and read whole
 * into one immutable {@link Result}; it knows nothing of retries nor of the call. The request
 * reaches the server at most twice: again only after it failed on a connection that had carried a
 * request before, through the client's re-send client (see {@link SentAndFailed}). A watch on the
 * client's timer cancels it when no connection is ready within the connect timeout and, for a sync
 * attempt, when the caller's thread is interrupted (a blocking socket read does not wake).
 */
final class Attempt {
  /** No limit, for every timeout and deadline of the transport. */
  static final long NO_LIMIT = Long.MAX_VALUE;

  private static final long INTERRUPT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** What an attempt came to. */
  enum Kind {
    RESPONSE, // a response, read whole: status, headers, body
    CONNECT_TIMEOUT, // no connection (TCP and TLS) within the connect timeout
    TIMEOUT, // no whole response within the attempt's timeout
    STOPPED, // the client closed, the caller cancelled, or a sync attempt's thread interrupted
    CONNECTION, // refused, reset, closed mid-response, a TLS failure
    FOLLOW_UP, // OkHttp gave up following up the response (too many redirects)
    CALLER_CODE // an interceptor or listener of the caller's OkHttpClient threw
  }

  /** A response read whole, or a failure of a {@link Kind} (its cause may be null for a stop). */
  static final class Result {
    final Kind kind;
    final Throwable cause;
    final int status;
    final Headers headers;
    final ResponseBodies.Body body;

    private Result(
        Kind kind, Throwable cause, int status, Headers headers, ResponseBodies.Body body) {
      this.kind = kind;
      this.cause = cause;
      this.status = status;
      this.headers = headers;
      this.body = body;
    }
  }

  final Request request;
  final long startNanos = System.nanoTime();

  /** The whole attempt, re-send included; {@link #NO_LIMIT} for none. */
  final long timeoutNanos;

  private final ClientConfig config;
  private final long connectTimeoutNanos;
  private volatile Exchange exchange;
  private volatile boolean stopped;

  Attempt(ClientConfig config, Request request, long timeoutNanos) {
    this.config = config;
    this.request = request;
    this.timeoutNanos = timeoutNanos;
    this.connectTimeoutNanos = nanos(config.connectTimeout);
  }

  /** {@code duration} in nanoseconds; {@link #NO_LIMIT} for null or too long to count. */
  static long nanos(Duration duration) {
    try {
      return duration == null ? NO_LIMIT : duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return NO_LIMIT;
    }
  }

  /** Runs the attempt on the calling thread. */
  Result run() {
    AtomicReference<Result> result = new AtomicReference<>();
    send(config.okHttpClient, Thread.currentThread(), result::set);
    return result.get();
  }

  /** Sends the attempt on OkHttp's dispatcher and hands its result to {@code done} there. */
  void enqueue(Consumer<Result> done) {
    send(config.okHttpClient, null, done);
  }

  /**
   * Sends the request {@code via} a client, on {@code caller}'s thread (null: on the dispatcher),
   * and once more via the re-send client if it failed on a reused connection.
   */
  private void send(OkHttpClient via, Thread caller, Consumer<Result> done) {
    Exchange sending;
    try {
      sending = exchange(via, caller);
    } catch (RejectedExecutionException closed) {
      done.accept(failure(Kind.STOPPED, closed));
      return;
    }
    Consumer<Result> then =
        result -> {
          SentAndFailed failedOn = sending.sentAndFailed;
          if (via == config.okHttpClient
              && failedOn != null
              && failedOn.reused
              && result.kind == Kind.CONNECTION) {
            send(config.fresh, caller, done);
            return;
          }
          if (via == config.fresh) {
            // The next re-send gets a connection of its own too.
            config.fresh.connectionPool().evictAll();
          }
          done.accept(result);
        };
    Callback callback =
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            then.accept(received(sending, response));
          }

          @Override
          public void onFailure(Call call, IOException e) {
            sending.watch.cancel(false);
            then.accept(failed(sending, e, true));
          }
        };
    Response response;
    try {
      if (caller == null) {
        sending.call.enqueue(callback);
        return;
      }
      response = sending.call.execute();
    } catch (IOException e) {
      callback.onFailure(sending.call, e);
      return;
    } catch (RuntimeException e) {
      sending.watch.cancel(false); // A caller's EventListener threw through execute() or enqueue().
      then.accept(failure(Kind.CALLER_CODE, e));
      return;
    }
    then.accept(received(sending, response));
  }

  /** Cancels the request in flight for good: the attempt is {@link Kind#STOPPED}. */
  void stop() {
    stopped = true;
    Exchange current = exchange;
    if (current != null) {
      current.cancel();
    }
  }

  /**
   * A new OkHttp call with what is left of the attempt's timeout, and its watch. Throws {@link
   * RejectedExecutionException} once the client is closed.
   */
  private Exchange exchange(OkHttpClient via, Thread caller) {
    Exchange sending = new Exchange(caller);
    Call call = via.newCall(request.newBuilder().tag(Exchange.class, sending).build());
    if (timeoutNanos != NO_LIMIT) {
      long left = timeoutNanos - (System.nanoTime() - startNanos);
      call.timeout().timeout(Math.max(1, left), TimeUnit.NANOSECONDS);
    }
    sending.call = call;
    exchange = sending;
    sending.watch =
        caller != null
            ? config.scheduler.every(
                sending::check, Math.min(INTERRUPT_CHECK_NANOS, connectTimeoutNanos))
            : config.scheduler.after(sending::check, connectTimeoutNanos);
    if (stopped) {
      sending.cancel(); // Stopped meanwhile: stop() may have missed this call.
    }
    return sending;
  }

  /** The response read whole and closed, its watch over. */
  private Result received(Exchange sending, Response response) {
    try (Response closing = response) {
      ResponseBodies.Body body =
          ResponseBodies.read(closing.body(), closing.headers(), closing.isSuccessful());
      return sending.interrupted()
          ? failure(Kind.STOPPED, null)
          : new Result(Kind.RESPONSE, null, closing.code(), closing.headers(), body);
    } catch (IOException e) {
      return failed(sending, e, false);
    } catch (RuntimeException e) {
      return failure(Kind.CALLER_CODE, e); // A caller's EventListener threw.
    } finally {
      sending.watch.cancel(false);
    }
  }

  /** By what stopped the exchange, then by type; {@code inChain}: not while reading the body. */
  private Result failed(Exchange sending, IOException e, boolean inChain) {
    Throwable thrown = thrownByCallerCode(e);
    if (stopped || sending.interrupted()) {
      return failure(Kind.STOPPED, e);
    } else if (sending.connectTimedOut) {
      return failure(Kind.CONNECT_TIMEOUT, e);
    } else if (thrown != null) {
      return failure(Kind.CALLER_CODE, thrown);
    } else if (e instanceof InterruptedIOException) {
      return failure(Kind.TIMEOUT, e); // The call's timeout, wrapping whatever it cut short.
    } else if (inChain && e instanceof ProtocolException && sending.sentAndFailed == null) {
      // From the chain, what the network raised is wrapped: this is OkHttp's follow-ups giving up.
      return failure(Kind.FOLLOW_UP, e);
    }
    return failure(Kind.CONNECTION, e);
  }

  private static Result failure(Kind kind, Throwable cause) {
    return new Result(kind, cause, 0, null, null);
  }

  /**
   * What an interceptor or listener of the caller's threw, from the exception OkHttp reports it
   * with; null for any other failure. Within the chain {@link #USER_CODE} wraps it in a {@link
   * CallerCodeFailure}; outside it (an {@code EventListener} of an async call ending), OkHttp
   * 4.12's and 5.x's {@code AsyncCall.run} report an {@link IOException} "canceled due to" it, as
   * the cause on 5.x and suppressed on 4.12: the one failure told apart by its text.
   */
  static Throwable thrownByCallerCode(IOException e) {
    if (e instanceof CallerCodeFailure) {
      return e.getCause();
    }
    if (e.getClass() != IOException.class
        || !String.valueOf(e.getMessage()).startsWith("canceled due to ")) {
      return null;
    }
    Throwable[] suppressed = e.getSuppressed();
    return e.getCause() != null ? e.getCause() : suppressed.length > 0 ? suppressed[0] : null;
  }

  /** One sending of the request: its OkHttp call and watch; the request's tag. */
  private final class Exchange {
    final Thread caller;
    final long startNanos = System.nanoTime();
    volatile Call call;
    volatile Future<?> watch;
    volatile boolean connected;
    volatile boolean connectTimedOut;
    volatile List<String> retryAfter; // A 408's or 503's, as the server sent them.
    volatile SentAndFailed sentAndFailed; // The request failed on its connection.

    Exchange(Thread caller) {
      this.caller = caller;
    }

    /** Told by {@link #network}: the connection is ready, the connect watch has no more to do. */
    void connected() {
      connected = true;
      Future<?> pending = watch;
      if (caller == null && pending != null) {
        pending.cancel(false);
      }
    }

    boolean interrupted() {
      return caller != null && caller.isInterrupted();
    }

    void check() {
      if (interrupted()) {
        cancel();
      } else if (!connected && System.nanoTime() - startNanos >= connectTimeoutNanos) {
        connectTimedOut = true;
        cancel();
      }
    }

    void cancel() {
      try {
        call.cancel();
      } catch (RuntimeException | LinkageError e) {
        // A caller's EventListener.canceled threw; the call is cancelled all the same.
        SdkLog.LOGGER.log(Level.WARNING, "ai.bctrl: an OkHttp EventListener threw on cancel", e);
      }
    }
  }

  /**
   * The SDK's first application interceptor: what the caller's interceptors or OkHttp listeners
   * throw inside it becomes a {@link CallerCodeFailure}, reported the same sync and async.
   */
  static final Interceptor USER_CODE =
      chain -> {
        try {
          return chain.proceed(chain.request());
        } catch (RuntimeException | Error e) {
          throw new CallerCodeFailure(e);
        }
      };

  /**
   * A 408's or 503's {@code Retry-After} between the SDK's two interceptors: OkHttp 4.12's and
   * 5.x's follow-ups send those again when it is absent (408) or zero, an attempt the SDK could not
   * count, and take a value not a number as "later". (A network response cannot carry a {@code
   * priorResponse}, the other thing that stops them.)
   */
  private static final String HELD_RETRY_AFTER = "held-by-bctrl";

  /**
   * The SDK's last application interceptor: gives the caller's interceptors the failure a {@link
   * SentAndFailed} wraps and the {@code Retry-After} {@link #network} held.
   */
  static final Interceptor RESTORE =
      chain -> {
        Exchange sending = exchangeOf(chain);
        Response response;
        try {
          response = chain.proceed(chain.request());
        } catch (SentAndFailed e) {
          if (sending != null) {
            sending.sentAndFailed = e;
          }
          throw (IOException) e.getCause();
        }
        if (sending == null || sending.retryAfter == null) {
          return response; // Else the response is the held one: OkHttp does not follow it up.
        }
        Response.Builder restored = response.newBuilder().removeHeader("Retry-After");
        for (String value : sending.retryAfter) {
          restored.addHeader("Retry-After", value);
        }
        return restored.build();
      };

  /**
   * The SDK's first network interceptor: tells the exchange its connection is ready, turns a
   * failure there into a {@link SentAndFailed}, holds a 408's or 503's {@code Retry-After}. One per
   * client: it remembers which connections carried a request before.
   */
  static Interceptor network() {
    Map<Connection, Boolean> used = Collections.synchronizedMap(new WeakHashMap<>());
    return chain -> {
      Exchange sending = exchangeOf(chain);
      if (sending != null) {
        sending.connected();
      }
      Connection connection = chain.connection();
      boolean reused = connection != null && used.put(connection, Boolean.TRUE) != null;
      Response response;
      try {
        response = chain.proceed(chain.request());
      } catch (IOException e) {
        throw new SentAndFailed(e, reused);
      }
      int code = response.code();
      if (sending == null || (code != 408 && code != 503)) {
        return response;
      }
      sending.retryAfter = response.headers("Retry-After");
      return response.newBuilder().header("Retry-After", HELD_RETRY_AFTER).build();
    };
  }

  /** Found on the call's own request, which a caller's interceptor cannot replace. */
  private static Exchange exchangeOf(Interceptor.Chain chain) {
    return chain.call().request().tag(Exchange.class);
  }

  /**
   * A request that failed on its connection: a {@link ProtocolException}, which OkHttp 4.12's and
   * 5.x's {@code recover()} never sends again; the attempt re-sends it if {@link #reused}.
   */
  static final class SentAndFailed extends ProtocolException {
    private static final long serialVersionUID = 1L;
    final boolean reused;

    SentAndFailed(IOException cause, boolean reused) {
      super(String.valueOf(cause));
      initCause(cause);
      this.reused = reused;
    }
  }

  /** What a caller's interceptor or OkHttp listener threw, as OkHttp carries it: an IOException. */
  static final class CallerCodeFailure extends IOException {
    private static final long serialVersionUID = 1L;

    CallerCodeFailure(Throwable thrown) {
      super(thrown);
    }
  }
}
