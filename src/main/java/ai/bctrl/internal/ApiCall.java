package ai.bctrl.internal;

import ai.bctrl.RequestListener;
import ai.bctrl.ResponseMetadata;
import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlTimeoutException;
import ai.bctrl.models.ErrorResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import javax.net.ssl.SSLException;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One call, the call layer: owns its attempts, the retries and waits between them, the deadline,
 * listener events, metadata, logging and completion, the same whether it runs on the caller's
 * thread ({@link #run}) or on OkHttp's dispatcher ({@link #start}). {@link #abort} (close, cancel)
 * stops the attempt in flight and any retry at once.
 */
final class ApiCall<T> {
  /** No limit: also what a duration too long to count in nanoseconds (~292 years) means. */
  private static final long NONE = Long.MAX_VALUE;

  final CompletableFuture<T> future = new CompletableFuture<>();
  final ApiRequest api;
  final HttpUrl url;
  final String apiKey;
  private final Transport transport;
  private final ClientConfig config;
  private final BodyDecoder<T> decoder;
  private final int maxRetries;
  private final long attemptTimeoutNanos;
  private final long totalTimeoutNanos;
  private final long startNanos;
  private final long deadlineNanos;
  private volatile Attempt current;
  private volatile Future<?> pendingRetry;
  private volatile BctrlException lastFailure;

  ApiCall(Transport transport, ClientConfig config, ApiRequest api, BodyDecoder<T> decoder) {
    this.transport = transport;
    this.config = config;
    this.api = api;
    this.decoder = decoder;
    this.url = api.url(config.baseUrl);
    this.apiKey = api.options.apiKey().orElse(config.apiKey);
    this.maxRetries = api.options.maxRetries().orElse(config.maxRetries);
    this.attemptTimeoutNanos = nanos(api.options.timeout().orElse(config.timeout));
    this.totalTimeoutNanos = nanos(api.options.totalTimeout().orElse(config.totalTimeout));
    this.startNanos = config.delayer.nanoTime();
    long deadline = startNanos + totalTimeoutNanos;
    // A deadline past the end of the clock is none.
    this.deadlineNanos = totalTimeoutNanos == NONE || deadline < startNanos ? NONE : deadline;
    future.whenComplete(
        (value, failure) -> {
          transport.forget(this);
          if (future.isCancelled()) {
            stop();
          }
        });
  }

  int attempts() {
    Attempt attempt = current;
    return attempt == null ? 0 : attempt.number;
  }

  /** Fails the call with {@code reason} unless it already ended, and stops what is under way. */
  void abort(BctrlException reason) {
    if (future.completeExceptionally(reason)) {
      stop();
    }
  }

  private void stop() {
    Attempt attempt = current;
    if (attempt != null) {
      attempt.stop();
    }
    Future<?> retry = pendingRetry;
    if (retry != null) {
      retry.cancel(false);
    }
  }

  /** Runs the call on the calling thread and returns its value or throws its failure. */
  T run() {
    Thread caller = Thread.currentThread();
    try {
      for (int number = 1; !future.isDone(); number++) {
        Attempt attempt = caller.isInterrupted() ? null : startAttempt(number);
        if (attempt == null) {
          fail(interrupted(null)); // Unless the call ended otherwise.
          break;
        }
        attempt.run();
        Long delay = settle(attempt);
        if (delay != null && delay > 0) {
          config.delayer.sleep(delay, future);
        }
      }
    } catch (InterruptedException e) {
      fail(interrupted(e));
      caller.interrupt();
    } catch (Throwable unexpected) {
      future.completeExceptionally(unexpected); // Ends the call, which close() no longer sees.
      throw unexpected;
    }
    try {
      return future.join(); // Done: returns at once.
    } catch (CompletionException e) {
      // Completed only with the SDK's exceptions and Errors, which are thrown as they are.
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw (RuntimeException) e.getCause();
    }
  }

  /** Sends attempt {@code number} on OkHttp's dispatcher; later attempts are scheduled. */
  void start(int number) {
    try {
      Attempt attempt = startAttempt(number);
      if (attempt != null) {
        attempt.enqueue(() -> proceed(attempt));
      }
    } catch (Throwable unexpected) {
      future.completeExceptionally(unexpected);
    }
  }

  private void proceed(Attempt attempt) {
    try {
      Long delay = settle(attempt);
      if (delay == null) {
        return;
      }
      int next = attempt.number + 1;
      if (delay == 0) {
        start(next);
        return;
      }
      pendingRetry = config.delayer.schedule(() -> start(next), delay);
      if (future.isDone()) {
        stop();
      }
    } catch (RejectedExecutionException closed) {
      fail(transport.closedFailure(this));
    } catch (Throwable unexpected) {
      // An Error while decoding (out of memory, say) must still end the future.
      future.completeExceptionally(unexpected);
    }
  }

  /**
   * The next attempt with its share of the deadline, or null when the call is over: ended
   * meanwhile, or at its deadline (then failed with a timeout whose cause is the last failure).
   */
  private Attempt startAttempt(int number) {
    long left = deadlineNanos == NONE ? NONE : deadlineNanos - config.delayer.nanoTime();
    if (left <= 0) {
      String deadline = " to " + hostAndPort() + " reached its total timeout of ";
      fail(
          new BctrlTimeoutException(
              redact(describe() + deadline + human(totalTimeoutNanos) + after(number - 1)),
              lastFailure,
              number - 1,
              api.cursor));
      return null;
    }
    boolean byDeadline = left < attemptTimeoutNanos;
    Attempt attempt =
        new Attempt(
            config.okHttpClient,
            config.scheduler,
            this,
            number,
            byDeadline ? left : attemptTimeoutNanos == NONE ? 0 : attemptTimeoutNanos,
            byDeadline,
            nanos(config.connectTimeout));
    current = attempt;
    if (future.isDone()) {
      attempt.stop(); // Aborted meanwhile: stop() may have missed this attempt.
      return null;
    }
    listen(l -> l.attemptStarted(info(attempt)));
    return attempt;
  }

  /**
   * Completes the call with what {@code attempt} came to, or returns how long to wait before the
   * next attempt; null when the call is over.
   */
  private Long settle(Attempt attempt) {
    Throwable cause = attempt.cause;
    if (future.isDone()) {
      return null;
    } else if (attempt.outcome == Attempt.Outcome.RESPONSE) {
      return onResponse(attempt);
    } else if (cause instanceof Exception && attempt.outcome != Attempt.Outcome.STOPPED) {
      listen(l -> l.attemptFailed(info(attempt), (Exception) cause));
    }
    String where = " to " + hostAndPort();
    long backoff = RetryPolicy.backoffMillis(attempt.number);
    switch (attempt.outcome) {
      case STOPPED:
        fail(transport.closedFailure(this)); // Only if nothing ended the call already.
        return null;
      case INTERRUPTED:
        fail(interrupted(cause));
        return null;
      case CALLER_CODE:
        log(attempt, null, "failed: " + cause, -1);
        if (cause instanceof Error) {
          future.completeExceptionally(cause);
        } else {
          fail(failure(BctrlException::new, attempt, " failed: an interceptor threw " + cause));
        }
        return null;
      case REDIRECT_LOOP:
        log(attempt, null, "failed: " + cause, -1);
        String loop = " was redirected too many times: " + cause.getMessage();
        fail(failure(BctrlConnectionException::new, attempt, loop));
        return null;
      case CONNECT_TIMEOUT:
        // Not retried: what does not connect in the connect timeout will not in the next one.
        log(attempt, null, "connect timed out", -1);
        String connect = " within the connect timeout of " + human(nanos(config.connectTimeout));
        fail(
            failure(
                BctrlTimeoutException::new,
                attempt,
                ": could not connect" + where + connect + schemeHint()));
        return null;
      case TIMEOUT:
        String timedOut =
            attempt.boundByDeadline
                ? " reached its total timeout of " + human(totalTimeoutNanos)
                : " timed out: no response within the timeout of " + human(attemptTimeoutNanos);
        BctrlException timeout = failure(BctrlTimeoutException::new, attempt, where + timedOut);
        return retryOrFail(attempt, null, "timed out", timeout, backoff);
      default:
        String hint = cause instanceof SSLException ? schemeHint() : "";
        String failed = where + " failed: " + cause + hint;
        BctrlException connection = failure(BctrlConnectionException::new, attempt, failed);
        return retryOrFail(attempt, null, "connection failed", connection, backoff);
    }
  }

  private Long onResponse(Attempt attempt) {
    Headers headers = attempt.headers;
    int status = attempt.status;
    String requestId = headers.get("X-Request-Id");
    Duration took = Duration.ofNanos(System.nanoTime() - attempt.startNanos);
    listen(l -> l.responseReceived(info(attempt), status, took, Optional.ofNullable(requestId)));
    if (status >= 200 && status < 300) {
      Duration elapsed = Duration.ofNanos(config.delayer.nanoTime() - startNanos);
      ResponseMetadata metadata =
          ResponseMetadata.of(status, headers.toMultimap(), attempt.number, elapsed);
      try {
        if (attempt.body.unreadable != null) {
          throw attempt.body.unreadable;
        }
        T value = decoder.decode(attempt.body.bytes, metadata);
        log(attempt, headers, String.valueOf(status), -1);
        future.complete(value);
      } catch (SchemaMismatch e) {
        log(attempt, headers, status + ", undecodable body", -1);
        String message = "could not decode the response to " + describe() + ": " + e.getMessage();
        fail(
            new BctrlDecodeException(
                redact(message + (requestId != null ? " (request " + requestId + ")" : "")),
                e,
                status,
                requestId,
                redact(attempt.body.text(attempt.contentType)),
                attempt.number,
                api.cursor));
      }
      return null;
    }
    // Decoded from the bytes, where broken text shows; again from the text if a key was echoed.
    String received = attempt.body.text(attempt.contentType);
    String rawBody = redact(received);
    ErrorResponse errorResponse = Json.errorResponse(attempt.body.bytes);
    if (errorResponse != null && !rawBody.equals(received)) {
      errorResponse = Json.errorResponse(rawBody.getBytes(StandardCharsets.UTF_8));
    }
    Duration serverDelay = RetryPolicy.serverDelay(headers, System.currentTimeMillis());
    BctrlApiException failure =
        BctrlApiException.of(
            describe(),
            status,
            errorResponse,
            rawBody,
            redacted(headers),
            serverDelay,
            attempt.number,
            api.cursor);
    if (!RetryPolicy.isRetryableStatus(status)
        || (serverDelay != null && serverDelay.toMillis() > RetryPolicy.MAX_SERVER_DELAY_MS)) {
      log(attempt, headers, String.valueOf(status), -1);
      fail(failure);
      return null;
    }
    long delay =
        serverDelay != null ? serverDelay.toMillis() : RetryPolicy.backoffMillis(attempt.number);
    return retryOrFail(attempt, headers, "status " + status, failure, delay);
  }

  /**
   * Retries after {@code delayMillis} while the retry budget lasts and the wait ends before the
   * deadline; otherwise ends the call now with {@code failure}.
   */
  private Long retryOrFail(
      Attempt attempt, Headers headers, String reason, BctrlException failure, long delayMillis) {
    lastFailure = failure;
    boolean crossesDeadline =
        deadlineNanos != NONE
            && config.delayer.nanoTime() + delayMillis * 1_000_000L - deadlineNanos >= 0;
    String result = headers != null ? String.valueOf(attempt.status) : reason;
    if (attempt.number > maxRetries || crossesDeadline) {
      log(attempt, headers, result, -1);
      fail(failure);
      return null;
    }
    log(attempt, headers, result, delayMillis);
    listen(l -> l.retryScheduled(info(attempt), Duration.ofMillis(delayMillis), reason));
    return delayMillis;
  }

  private void fail(BctrlException failure) {
    if (future.completeExceptionally(failure)) {
      stop();
    }
  }

  private BctrlException interrupted(Throwable cause) {
    return new BctrlException(
        "interrupted while waiting for " + describe(), cause, attempts(), api.cursor);
  }

  /** How each kind of {@link BctrlException} is made. */
  private interface ExceptionType {
    BctrlException create(String message, Throwable cause, int attempts, String resumeCursor);
  }

  /** A failure of {@code attempt}: the request, {@code what} happened, how many attempts. */
  private BctrlException failure(ExceptionType type, Attempt attempt, String what) {
    String message = redact(describe() + what + after(attempt.number));
    return type.create(message, attempt.cause, attempt.number, api.cursor);
  }

  /** Method and URL path as the server saw it (the base URL's path included), no query. */
  String describe() {
    return "GET " + url.encodedPath();
  }

  private String hostAndPort() {
    return url.host() + ":" + url.port();
  }

  private String schemeHint() {
    return url.isHttps()
        ? " (if that port serves plain HTTP, the base URL should start with http://)"
        : "";
  }

  private static String after(int attempts) {
    return attempts > 1 ? " after " + attempts + " attempts" : "";
  }

  /** {@code duration} in nanoseconds; {@link #NONE} for null or too long to count. */
  private static long nanos(Duration duration) {
    try {
      return duration == null ? NONE : duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return NONE;
    }
  }

  /** For messages: {@code 500 us}, {@code 200 ms}, {@code 10 s}, {@code 1500 ms}. */
  private static String human(long nanos) {
    long millis = nanos / 1_000_000;
    if (millis == 0) {
      return nanos / 1_000 + " us";
    }
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }

  private String redact(String text) {
    return transport.redact(text, apiKey);
  }

  private Map<String, List<String>> redacted(Headers headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (String name : headers.names()) {
      List<String> values = new ArrayList<>();
      for (String value : headers.values(name)) {
        values.add(redact(value));
      }
      copy.put(name, values);
    }
    return copy;
  }

  private RequestListener.Attempt info(Attempt attempt) {
    return new RequestListener.Attempt("GET", url.encodedPath(), attempt.number);
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

  private void log(Attempt attempt, Headers responseHeaders, String result, long retryInMillis) {
    if (config.logLevel != ai.bctrl.LogLevel.OFF) {
      SdkLog.attempt(
          config.logLevel,
          attempt.request,
          attempt.number,
          maxRetries + 1,
          result,
          attempt.startNanos,
          responseHeaders,
          retryInMillis < 0 ? null : "retrying in " + retryInMillis + " ms",
          apiKey);
    }
  }
}
