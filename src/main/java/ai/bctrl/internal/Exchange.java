package ai.bctrl.internal;

import ai.bctrl.RequestListener;
import ai.bctrl.ResponseMetadata;
import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One call's attempts: turns each attempt's result into a value, a failure or a retry, the same way
 * for both ways of running them: {@link #send} on OkHttp's dispatcher with retries scheduled, so
 * that no thread waits, and {@link #runBlocking} on the caller's thread. {@link #abort} (close,
 * interrupt, cancel) stops the call in flight and any retry at once.
 */
final class Exchange<T> implements Callback {
  /** A pooled connection that the server closed while idle is retried at once this often. */
  static final int MAX_STALE_RETRIES = 3;

  final CompletableFuture<T> future = new CompletableFuture<>();
  private final Transport transport;
  private final ClientConfig config;
  final ApiRequest api;
  private final BodyDecoder<T> decoder;
  private final String apiKey;
  private final int maxRetries;
  private final Duration attemptTimeout;
  private final Duration totalTimeout;
  private final long startNanos = System.nanoTime();
  private final long deadlineNanos;
  private volatile Call call;
  private volatile Future<?> pendingRetry;
  private volatile int attempt;
  private volatile long attemptStartNanos;
  private int staleRetries;
  private volatile int nextAttempt;

  Exchange(Transport transport, ClientConfig config, ApiRequest api, BodyDecoder<T> decoder) {
    this.transport = transport;
    this.config = config;
    this.api = api;
    this.decoder = decoder;
    this.apiKey = api.options.apiKey().orElse(config.apiKey);
    this.maxRetries = api.options.maxRetries().orElse(config.maxRetries);
    this.attemptTimeout = api.options.timeout().orElse(config.timeout);
    Duration total = api.options.totalTimeout().orElse(config.totalTimeout);
    this.totalTimeout = total;
    this.deadlineNanos = total == null ? Long.MAX_VALUE : startNanos + total.toNanos();
    future.whenComplete(
        (value, failure) -> {
          transport.forget(this);
          if (future.isCancelled()) {
            stop();
          }
        });
  }

  int attempts() {
    return attempt;
  }

  void abortInterrupted() {
    abort(Transport.interrupted(api, attempt, null));
  }

  /** Fails the call with {@code reason} unless it already ended, and stops what is under way. */
  void abort(BctrlException reason) {
    if (future.completeExceptionally(reason)) {
      stop();
    }
  }

  private void stop() {
    Call inFlight = call;
    if (inFlight != null) {
      inFlight.cancel();
    }
    Future<?> retry = pendingRetry;
    if (retry != null) {
      retry.cancel(false);
    }
  }

  /** Starts attempt {@code number}: its call, with this attempt's share of the deadline. */
  private Call newCall(int number) {
    attempt = number;
    attemptStartNanos = System.nanoTime();
    Call next = config.okHttpClient.newCall(transport.newRequest(api, number, apiKey));
    long remaining = deadlineNanos - attemptStartNanos;
    next.timeout().timeout(Math.min(attemptTimeout.toNanos(), remaining), TimeUnit.NANOSECONDS);
    call = next;
    listen(listener -> listener.attemptStarted(attemptInfo()));
    return next;
  }

  /** Sends attempt {@code number} on OkHttp's dispatcher; the callbacks below take it on. */
  void send(int number) {
    try {
      if (future.isDone()) {
        return;
      }
      Call next = newCall(number);
      if (future.isDone()) {
        return; // Aborted meanwhile: stop() may have missed this call.
      }
      next.enqueue(this);
    } catch (Throwable unexpected) {
      future.completeExceptionally(unexpected);
    }
  }

  /**
   * Runs the attempts on the calling thread, as a plain OkHttp call would (no thread hand-off per
   * page), and waits between them on {@link #future}, so that {@link #abort} (close, or an
   * interrupt seen by {@link InterruptWatch}) ends the wait or the call in flight at once.
   */
  T runBlocking() throws InterruptedException, ExecutionException {
    try {
      int number = 1;
      while (!future.isDone()) {
        Outcome<T> outcome;
        Call next = newCall(number);
        InterruptWatch.watch(this);
        try (Response response = next.execute()) {
          outcome = handle(response);
        } catch (IOException e) {
          outcome = failed(e);
        } finally {
          InterruptWatch.unwatch();
        }
        long delay = settle(outcome);
        number = nextAttempt;
        if (delay > 0) {
          config.delayer.sleep(delay, future);
        }
      }
    } catch (Throwable unexpected) {
      future.completeExceptionally(unexpected); // Ends the exchange, which close() no longer sees.
      throw unexpected;
    }
    return future.get();
  }

  @Override
  public void onResponse(Call call, Response response) {
    try {
      Outcome<T> outcome;
      try (Response closing = response) {
        outcome = handle(closing);
      }
      proceed(outcome);
    } catch (Throwable unexpected) {
      // An Error while decoding (out of memory, say) must still end the future.
      future.completeExceptionally(unexpected);
    }
  }

  @Override
  public void onFailure(Call call, IOException e) {
    try {
      proceed(failed(e));
    } catch (Throwable unexpected) {
      future.completeExceptionally(unexpected);
    }
  }

  private Outcome<T> handle(Response response) {
    Headers headers = Transport.restoreHiddenHeaders(response.headers());
    int status = response.code();
    String requestId = headers.get("X-Request-Id");
    Duration took = Duration.ofNanos(System.nanoTime() - attemptStartNanos);
    listen(l -> l.responseReceived(attemptInfo(), status, took, Optional.ofNullable(requestId)));
    boolean success = response.isSuccessful();
    ResponseBodies.Body body;
    try {
      body = ResponseBodies.read(response.body(), headers, success);
    } catch (IOException e) {
      return failed(e);
    }
    if (success) {
      if (body.unreadable != null) {
        return decodeFailure(response, headers, body, body.unreadable);
      }
      ResponseMetadata metadata =
          ResponseMetadata.of(
              status,
              headers.toMultimap(),
              attempt,
              Duration.ofNanos(System.nanoTime() - startNanos));
      try {
        T value = decoder.decode(body.bytes, metadata);
        log(response.request(), headers, String.valueOf(status), -1);
        return Outcome.success(value);
      } catch (SchemaMismatch e) {
        return decodeFailure(response, headers, body, e);
      }
    }
    String rawBody = body.text(response.body().contentType());
    Duration serverDelay = RetryPolicy.serverDelay(headers, System.currentTimeMillis());
    BctrlApiException failure =
        BctrlApiException.of(
            status,
            Json.errorResponse(body.bytes),
            rawBody,
            headers.toMultimap(),
            serverDelay,
            attempt,
            api.cursor,
            transport.redactor(apiKey));
    boolean overCap =
        serverDelay != null && serverDelay.toMillis() > RetryPolicy.MAX_SERVER_DELAY_MS;
    if (RetryPolicy.isRetryableStatus(status) && attempt <= maxRetries && !overCap) {
      long delay =
          serverDelay != null ? serverDelay.toMillis() : RetryPolicy.backoffMillis(attempt);
      log(response.request(), headers, String.valueOf(status), delay);
      return Outcome.retry(delay, "status " + status, failure, false);
    }
    log(response.request(), headers, String.valueOf(status), -1);
    return Outcome.failure(failure);
  }

  private Outcome<T> decodeFailure(
      Response response, Headers headers, ResponseBodies.Body body, Exception problem) {
    String requestId = headers.get("X-Request-Id");
    String message =
        "could not decode the response to "
            + api.describe()
            + ": "
            + problem.getMessage()
            + (requestId != null ? " (request " + requestId + ")" : "");
    log(response.request(), headers, response.code() + ", undecodable body", -1);
    return Outcome.failure(
        new BctrlDecodeException(
            transport.redact(message, apiKey),
            problem,
            response.code(),
            requestId,
            body.text(response.body().contentType()),
            attempt,
            api.cursor));
  }

  private Outcome<T> failed(IOException e) {
    if (future.isDone()) {
      return Outcome.ignored(); // Aborted: the call was cancelled on purpose.
    }
    listen(l -> l.attemptFailed(attemptInfo(), e));
    Call failedCall = call;
    Transport.AttemptTrace trace = failedCall.request().tag(Transport.AttemptTrace.class);
    if (trace != null && trace.staleConnection && staleRetries < MAX_STALE_RETRIES) {
      // The server closed a pooled connection while it was idle; nothing reached it. Not a
      // failure of the call: a fresh connection, at once, and not counted.
      staleRetries++;
      transport.evictIdleConnections();
      return Outcome.retry(0, "stale pooled connection", null, true);
    }
    if (e instanceof ProtocolException && String.valueOf(e.getMessage()).startsWith("Too many")) {
      // A redirect loop ends the same way every time: not retried.
      return Outcome.failure(
          new BctrlConnectionException(
              api.describe() + " was redirected too many times: " + e.getMessage(),
              e,
              attempt,
              api.cursor));
    }
    boolean pastDeadline = System.nanoTime() - deadlineNanos >= 0;
    boolean timeout = e instanceof InterruptedIOException;
    String what = timeout ? "timed out" : "failed: " + e;
    String message =
        transport.redact(
            api.describe()
                + " "
                + what
                + (pastDeadline ? " at its total timeout of " + totalTimeout : "")
                + (attempt > 1 ? " after " + attempt + " attempts" : ""),
            apiKey);
    BctrlException failure =
        timeout
            ? new BctrlTimeoutException(message, e, attempt, api.cursor)
            : new BctrlConnectionException(message, e, attempt, api.cursor);
    if (attempt <= maxRetries && !pastDeadline) {
      long delay = RetryPolicy.backoffMillis(attempt);
      log(failedCall.request(), null, what, delay);
      return Outcome.retry(delay, timeout ? "timed out" : "connection failed", failure, false);
    }
    log(failedCall.request(), null, what, -1);
    return Outcome.failure(failure);
  }

  private void proceed(Outcome<T> outcome) {
    long delay = settle(outcome);
    if (delay < 0) {
      return;
    }
    int next = nextAttempt;
    if (delay == 0) {
      send(next);
      return;
    }
    try {
      pendingRetry = config.delayer.schedule(() -> send(next), delay);
    } catch (RejectedExecutionException closed) {
      future.completeExceptionally(transport.closedFailure(this));
    }
    if (future.isDone()) {
      stop();
    }
  }

  /**
   * Completes the future with the outcome, or returns how long to wait before attempt {@link
   * #nextAttempt}; -1 when the call is over.
   */
  private long settle(Outcome<T> outcome) {
    if (outcome.ignored || future.isDone()) {
      return -1;
    }
    if (outcome.value != null) {
      future.complete(outcome.value);
      return -1;
    }
    if (outcome.retryDelayMillis < 0) {
      future.completeExceptionally(outcome.failure);
      return -1;
    }
    long delay = outcome.retryDelayMillis;
    if (outcome.failure != null && System.nanoTime() + delay * 1_000_000 - deadlineNanos >= 0) {
      // The wait would cross the total timeout: stop now with what the last attempt got.
      future.completeExceptionally(outcome.failure);
      return -1;
    }
    nextAttempt = outcome.sameAttempt ? attempt : attempt + 1;
    if (!outcome.sameAttempt) {
      listen(l -> l.retryScheduled(attemptInfo(), Duration.ofMillis(delay), outcome.reason));
    }
    return delay;
  }

  private RequestListener.Attempt attemptInfo() {
    return new RequestListener.Attempt("GET", api.path(), attempt);
  }

  private void listen(Consumer<RequestListener> event) {
    if (config.listener == null) {
      return;
    }
    try {
      event.accept(config.listener);
    } catch (RuntimeException e) {
      SdkLog.LOGGER.log(Level.WARNING, "ai.bctrl: a RequestListener threw; ignored", e);
    }
  }

  private void log(Request request, Headers responseHeaders, String result, long retryInMillis) {
    if (config.logLevel != ai.bctrl.LogLevel.OFF) {
      SdkLog.attempt(
          config.logLevel,
          request,
          attempt,
          maxRetries + 1,
          result,
          attemptStartNanos,
          responseHeaders,
          retryInMillis < 0 ? null : "retrying in " + retryInMillis + " ms",
          apiKey);
    }
  }

  /** What one attempt came to: a value, a failure to end with, or a retry after a delay. */
  private static final class Outcome<T> {
    final T value;
    final BctrlException failure;
    final long retryDelayMillis;
    final String reason;
    final boolean sameAttempt;
    final boolean ignored;

    private Outcome(
        T value,
        BctrlException failure,
        long retryDelayMillis,
        String reason,
        boolean sameAttempt,
        boolean ignored) {
      this.value = value;
      this.failure = failure;
      this.retryDelayMillis = retryDelayMillis;
      this.reason = reason;
      this.sameAttempt = sameAttempt;
      this.ignored = ignored;
    }

    static <T> Outcome<T> success(T value) {
      return new Outcome<>(value, null, -1, null, false, false);
    }

    static <T> Outcome<T> failure(BctrlException failure) {
      return new Outcome<>(null, failure, -1, null, false, false);
    }

    /** {@code failure} is what the call ends with if the retry cannot happen in time. */
    static <T> Outcome<T> retry(
        long delayMillis, String reason, BctrlException failure, boolean sameAttempt) {
      return new Outcome<>(null, failure, delayMillis, reason, sameAttempt, false);
    }

    static <T> Outcome<T> ignored() {
      return new Outcome<>(null, null, -1, null, false, true);
    }
  }
}
