package ai.bctrl.internal;

import static ai.bctrl.internal.Attempt.NO_LIMIT;
import static ai.bctrl.internal.Attempt.nanos;
import static ai.bctrl.internal.RetryPolicy.backoffMillis;

import ai.bctrl.LogLevel;
import ai.bctrl.RequestListener;
import ai.bctrl.ResponseMetadata;
import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlClosedException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlInterruptedException;
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
import okhttp3.Request;

/**
 * One call: its attempts, retries, deadline, listener events, logging and completion, on the
 * caller's thread ({@link #run}) or OkHttp's dispatcher ({@link #start}), with one {@link Decision}
 * after each attempt. Stops from outside (closed, interrupted) are told apart in {@link #stopped}.
 */
final class ApiCall<T> {
  final CompletableFuture<T> future = new CompletableFuture<>();
  private final ApiRequest api;
  private final HttpUrl url;
  private final String apiKey;
  private final ClientConfig config;
  private final BodyDecoder<T> decoder;
  private final int maxRetries;
  private final long attemptTimeoutNanos;
  private final long totalTimeoutNanos;
  private final long startNanos;
  private final long deadlineNanos;
  private volatile boolean closed;
  private volatile int attempts;
  private volatile Attempt current;
  private volatile Future<?> pendingRetry;
  private BctrlException lastFailure; // Written and read by each step in turn.

  ApiCall(ClientConfig config, ApiRequest api, BodyDecoder<T> decoder) {
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
    this.deadlineNanos =
        totalTimeoutNanos == NO_LIMIT || deadline < startNanos ? NO_LIMIT : deadline;
    future.whenComplete((value, failure) -> halt());
  }

  /** The client was closed: fails the call unless it already ended, and stops what is under way. */
  void close() {
    closed = true;
    end(stopped(null, null));
  }

  /** Stops the attempt in flight and any retry; the call has ended. */
  private void halt() {
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
      for (int number = 1; ; number++) {
        Attempt attempt = begin(number, caller);
        if (attempt == null) {
          break;
        }
        Attempt.Result result = attempt.run();
        Decision<T> decision = decide(number, attempt, result, caller);
        if (!take(number, attempt, result, decision)) {
          break;
        }
        if (decision.retryMillis > 0) {
          config.delayer.sleep(decision.retryMillis, future);
        }
      }
    } catch (InterruptedException e) {
      caller.interrupt(); // Kept set for the caller, as the exception says.
      end(stopped(caller, e));
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
      Attempt attempt = begin(number, null);
      if (attempt != null) {
        attempt.enqueue(result -> proceed(number, attempt, result));
      }
    } catch (Throwable unexpected) {
      future.completeExceptionally(unexpected);
    }
  }

  private void proceed(int number, Attempt attempt, Attempt.Result result) {
    try {
      Decision<T> decision = decide(number, attempt, result, null);
      if (!take(number, attempt, result, decision)) {
        return;
      }
      if (decision.retryMillis == 0) {
        start(number + 1);
        return;
      }
      pendingRetry = config.delayer.schedule(() -> start(number + 1), decision.retryMillis);
      if (future.isDone()) {
        halt(); // Ended meanwhile: halt() may have missed the retry.
      }
    } catch (RejectedExecutionException closedMeanwhile) {
      end(stopped(null, closedMeanwhile));
    } catch (Throwable unexpected) {
      // An Error while decoding (out of memory, say) must still end the future.
      future.completeExceptionally(unexpected);
    }
  }

  /**
   * Why the call must stop now, or null to go on: the client closed, or the calling thread (of a
   * sync call; null for async) interrupted.
   */
  private BctrlException stopped(Thread caller, Throwable cause) {
    int made = attempts;
    if (closed) {
      String after = made == 0 ? " was not sent" : " stopped after " + made + " attempt(s)";
      return new BctrlClosedException(
          "the client is closed: " + describe() + after, cause, made, api.cursor);
    }
    if (caller != null && (caller.isInterrupted() || cause instanceof InterruptedException)) {
      return new BctrlInterruptedException(
          "interrupted while waiting for " + describe(), cause, made, api.cursor);
    }
    return null;
  }

  /**
   * The next attempt with its share of the deadline, or null when the call is over: ended
   * meanwhile, stopped, or at its deadline (then failed with a timeout caused by the last failure).
   */
  private Attempt begin(int number, Thread caller) {
    BctrlException stop = stopped(caller, null);
    if (stop != null || future.isDone()) {
      end(stop);
      return null;
    }
    long left = deadlineNanos == NO_LIMIT ? NO_LIMIT : deadlineNanos - config.delayer.nanoTime();
    if (left <= 0) {
      String deadline = " to " + hostAndPort() + " reached its total timeout of ";
      String message = describe() + deadline + human(totalTimeoutNanos) + after(number - 1);
      end(new BctrlTimeoutException(redact(message), lastFailure, number - 1, api.cursor));
      return null;
    }
    Request request = api.httpRequest(url, number, apiKey, config.headers);
    Attempt attempt = new Attempt(config, request, Math.min(left, attemptTimeoutNanos));
    attempts = number;
    current = attempt;
    if (future.isDone()) {
      attempt.stop(); // Ended meanwhile: halt() may have missed this attempt.
      return null;
    }
    listen(l -> l.attemptStarted(info(number)));
    return attempt;
  }

  /**
   * What the call does after an attempt: retry after a wait, done with a value, or fail; and how
   * the attempt's log line ends ({@code outcome}, null for none).
   */
  private static final class Decision<T> {
    final boolean retry;
    final long retryMillis;
    final T value;
    final Throwable failure;
    final String outcome;

    private Decision(boolean retry, long retryMillis, T value, Throwable failure, String outcome) {
      this.retry = retry;
      this.retryMillis = retryMillis;
      this.value = value;
      this.failure = failure;
      this.outcome = outcome;
    }

    static <T> Decision<T> retryAfter(long millis, String outcome) {
      return new Decision<>(true, millis, null, null, outcome);
    }

    static <T> Decision<T> done(T value, String outcome) {
      return new Decision<>(false, 0, value, null, outcome);
    }

    static <T> Decision<T> fail(Throwable failure, String outcome) {
      return new Decision<>(false, 0, null, failure, outcome);
    }
  }

  /** Logs attempt {@code number} and completes the call as it decided; true to retry. */
  private boolean take(int number, Attempt attempt, Attempt.Result result, Decision<T> decision) {
    if (decision.outcome != null) {
      log(number, attempt, result.headers, decision);
    }
    if (decision.failure != null) {
      end(decision.failure);
    } else if (!decision.retry) {
      future.complete(decision.value);
    }
    return decision.retry && !future.isDone();
  }

  /** Fails the call with {@code failure} (nothing if null) unless it ended, and halts it. */
  private void end(Throwable failure) {
    if (failure != null && future.completeExceptionally(failure)) {
      halt();
    }
  }

  private Decision<T> decide(int number, Attempt attempt, Attempt.Result result, Thread caller) {
    Throwable cause = result.cause;
    switch (result.kind) {
      case RESPONSE:
        return onResponse(number, attempt, result);
      case STOPPED:
        BctrlException stop = stopped(caller, cause);
        if (stop == null) { // Not by close() nor an interrupt: the client's timer refused work.
          closed = true;
          stop = stopped(null, cause);
        }
        return Decision.fail(stop, null);
      default:
        if (cause instanceof Exception) {
          listen(l -> l.attemptFailed(info(number), (Exception) cause));
        }
    }
    String where = " to " + hostAndPort();
    switch (result.kind) {
      case CALLER_CODE:
        String threw = " failed: an interceptor or listener of the OkHttpClient threw " + cause;
        return Decision.fail(
            cause instanceof Error ? cause : failure(BctrlException::new, number, cause, threw),
            "failed: " + cause);
      case FOLLOW_UP:
        String loop = " was redirected too many times: " + cause.getMessage();
        return Decision.fail(
            failure(BctrlConnectionException::new, number, cause, loop), "failed: " + cause);
      case CONNECT_TIMEOUT:
        // Not retried: what does not connect in the connect timeout will not in the next one.
        String connect =
            ": could not connect"
                + where
                + " within the connect timeout of "
                + human(nanos(config.connectTimeout))
                + schemeHint();
        return Decision.fail(
            failure(BctrlTimeoutException::new, number, cause, connect), "connect timed out");
      case TIMEOUT:
        String timedOut =
            attempt.timeoutNanos < attemptTimeoutNanos
                ? " reached its total timeout of " + human(totalTimeoutNanos)
                : " timed out: no response within the timeout of " + human(attemptTimeoutNanos);
        BctrlException timeout =
            failure(BctrlTimeoutException::new, number, cause, where + timedOut);
        return retryOrFail(number, "timed out", "timed out", timeout, backoffMillis(number));
      default:
        String hint = cause instanceof SSLException ? schemeHint() : "";
        String failed = where + " failed: " + cause + hint;
        BctrlException connection = failure(BctrlConnectionException::new, number, cause, failed);
        String reason = "connection failed";
        return retryOrFail(number, reason, reason, connection, backoffMillis(number));
    }
  }

  private Decision<T> onResponse(int number, Attempt attempt, Attempt.Result result) {
    Headers headers = result.headers;
    int status = result.status;
    String requestId = headers.get("X-Request-Id");
    Duration took = Duration.ofNanos(System.nanoTime() - attempt.startNanos);
    listen(l -> l.responseReceived(info(number), status, took, Optional.ofNullable(requestId)));
    if (status >= 200 && status < 300) {
      Duration elapsed = Duration.ofNanos(config.delayer.nanoTime() - startNanos);
      ResponseMetadata metadata =
          ResponseMetadata.of(status, headers.toMultimap(), number, elapsed);
      try {
        if (result.body.unreadable != null) {
          throw result.body.unreadable;
        }
        return Decision.done(decoder.decode(result.body.bytes, metadata), String.valueOf(status));
      } catch (SchemaMismatch e) {
        String message = "could not decode the response to " + describe() + ": " + e.getMessage();
        return Decision.fail(
            new BctrlDecodeException(
                redact(message + (requestId != null ? " (request " + requestId + ")" : "")),
                e,
                status,
                requestId,
                redact(result.body.text()),
                number,
                api.cursor),
            status + ", undecodable body");
      }
    }
    // Decoded from the bytes, where broken text shows; again from the text if a key was echoed.
    String received = result.body.text();
    String rawBody = redact(received);
    ErrorResponse errorResponse = Json.errorResponse(result.body.bytes);
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
            number,
            api.cursor);
    if (!RetryPolicy.isRetryableStatus(status)
        || (serverDelay != null && serverDelay.toMillis() > RetryPolicy.MAX_SERVER_DELAY_MS)) {
      return Decision.fail(failure, String.valueOf(status));
    }
    long delay = serverDelay != null ? serverDelay.toMillis() : backoffMillis(number);
    return retryOrFail(number, "status " + status, String.valueOf(status), failure, delay);
  }

  /**
   * Retries after {@code delayMillis} while the retry budget lasts and the wait ends before the
   * deadline; otherwise ends the call now with {@code failure}. {@code reason}: for the listener.
   */
  private Decision<T> retryOrFail(
      int number, String reason, String outcome, BctrlException failure, long delayMillis) {
    lastFailure = failure;
    boolean crossesDeadline =
        deadlineNanos != NO_LIMIT
            && config.delayer.nanoTime() + delayMillis * 1_000_000L - deadlineNanos >= 0;
    if (number > maxRetries || crossesDeadline) {
      return Decision.fail(failure, outcome);
    }
    listen(l -> l.retryScheduled(info(number), Duration.ofMillis(delayMillis), reason));
    return Decision.retryAfter(delayMillis, outcome);
  }

  /** How each kind of {@link BctrlException} is made. */
  private interface ExceptionType {
    BctrlException create(String message, Throwable cause, int attempts, String resumeCursor);
  }

  /** A failure of attempt {@code number}: the request, {@code what} happened, how many attempts. */
  private BctrlException failure(ExceptionType type, int number, Throwable cause, String what) {
    return type.create(redact(describe() + what + after(number)), cause, number, api.cursor);
  }

  /** Method and URL path as the server saw it (the base URL's path included), no query. */
  private String describe() {
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

  /** For messages: {@code 500 us}, {@code 200 ms}, {@code 10 s}, {@code 1500 ms}. */
  private static String human(long nanos) {
    long millis = nanos / 1_000_000;
    if (millis == 0) {
      return nanos / 1_000 + " us";
    }
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }

  private String redact(String text) {
    return Redaction.redact(text, apiKey, config.apiKey);
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

  private RequestListener.Attempt info(int number) {
    return new RequestListener.Attempt("GET", url.encodedPath(), number);
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

  /**
   * One line for an attempt, at the client's log level. A server may echo a key, and a client
   * header may hold the client's key while a call uses its own: neither key is ever written.
   */
  private void log(int number, Attempt attempt, Headers headers, Decision<T> decision) {
    if (config.logLevel == LogLevel.OFF || !SdkLog.LOGGER.isLoggable(Level.INFO)) {
      return;
    }
    long millis = (System.nanoTime() - attempt.startNanos) / 1_000_000;
    StringBuilder line = new StringBuilder("GET ").append(attempt.request.url());
    line.append(" -> ").append(decision.outcome).append(" in ").append(millis);
    line.append(" ms (attempt ").append(number).append(" of ").append(maxRetries + 1).append(')');
    if (decision.retry) {
      line.append("; retrying in ").append(decision.retryMillis).append(" ms");
    }
    if (config.logLevel == LogLevel.DEBUG) {
      line.append("\n  request headers: ").append(SdkLog.redacted(attempt.request.headers()));
      if (headers != null) {
        line.append("\n  response headers: ").append(SdkLog.redacted(headers));
      }
    }
    SdkLog.LOGGER.log(Level.INFO, redact(line.toString()));
  }
}
