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
  final CompletableFuture<T> future = new CompletableFuture<>();
  final ApiRequest api;
  final HttpUrl url;
  final String apiKey;
  private final Transport transport;
  private final ClientConfig config;
  private final BodyDecoder<T> decoder;
  private final int maxRetries;
  private final long attemptTimeoutNanos;
  private final Duration totalTimeout;
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
    this.attemptTimeoutNanos = Durations.nanos(api.options.timeout().orElse(config.timeout));
    this.totalTimeout = api.options.totalTimeout().orElse(config.totalTimeout);
    this.startNanos = config.delayer.nanoTime();
    long total = Durations.nanos(totalTimeout);
    this.deadlineNanos =
        total == Durations.NONE ? Durations.NONE : Durations.add(startNanos, total);
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
        if (caller.isInterrupted()) {
          fail(interrupted(null));
          break;
        }
        Attempt attempt = startAttempt(number);
        if (attempt == null) {
          break;
        }
        Long delay = settle(attempt, attempt.run());
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
        attempt.enqueue(result -> proceed(attempt, result));
      }
    } catch (Throwable unexpected) {
      future.completeExceptionally(unexpected);
    }
  }

  private void proceed(Attempt attempt, Attempt.Result result) {
    try {
      Long delay = settle(attempt, result);
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
    long left = Durations.NONE;
    if (deadlineNanos != Durations.NONE) {
      left = deadlineNanos - config.delayer.nanoTime();
      if (left <= 0) {
        fail(
            new BctrlTimeoutException(
                describe()
                    + " to "
                    + hostAndPort()
                    + " reached its total timeout of "
                    + Durations.human(totalTimeout)
                    + attemptsSuffix(number - 1),
                lastFailure,
                number - 1,
                api.cursor));
        return null;
      }
    }
    boolean byDeadline = left != Durations.NONE && left < attemptTimeoutNanos;
    Attempt attempt =
        new Attempt(
            config.okHttpClient,
            transport.scheduler,
            this,
            number,
            byDeadline ? left : Durations.orZero(attemptTimeoutNanos),
            byDeadline,
            Durations.nanos(config.connectTimeout));
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
  private Long settle(Attempt attempt, Attempt.Result result) {
    if (future.isDone()) {
      return null;
    }
    if (result.failure == null) {
      return onResponse(attempt, result);
    }
    Throwable cause = result.cause;
    if (cause instanceof Exception && result.failure != Attempt.Failure.STOPPED) {
      listen(l -> l.attemptFailed(info(attempt), (Exception) cause));
    }
    switch (result.failure) {
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
          fail(
              failure(
                  BctrlException::new, attempt, cause, " failed: an interceptor threw " + cause));
        }
        return null;
      case REDIRECT_LOOP:
        log(attempt, null, "failed: " + cause, -1);
        String loop = " was redirected too many times: " + cause.getMessage();
        fail(failure(BctrlConnectionException::new, attempt, cause, loop));
        return null;
      case CONNECT_TIMEOUT:
        log(attempt, null, "connect timed out", -1);
        // Not retried: what does not connect in the connect timeout will not in the next one.
        String connect =
            ": could not connect to "
                + hostAndPort()
                + " within the connect timeout of "
                + Durations.human(config.connectTimeout)
                + schemeHint();
        fail(failure(BctrlTimeoutException::new, attempt, cause, connect));
        return null;
      case TIMEOUT:
        String what =
            " to "
                + hostAndPort()
                + (attempt.boundByDeadline
                    ? " reached its total timeout of " + Durations.human(totalTimeout)
                    : " timed out: no response within the timeout of "
                        + Durations.human(attemptTimeoutNanos));
        return retryOrFail(
            attempt,
            null,
            "timed out",
            failure(BctrlTimeoutException::new, attempt, cause, what),
            RetryPolicy.backoffMillis(attempt.number));
      case CONNECTION:
      default:
        String hint = cause instanceof SSLException ? schemeHint() : "";
        return retryOrFail(
            attempt,
            null,
            "connection failed",
            failure(
                BctrlConnectionException::new,
                attempt,
                cause,
                " to " + hostAndPort() + " failed: " + cause + hint),
            RetryPolicy.backoffMillis(attempt.number));
    }
  }

  /** How each kind of {@link BctrlException} is made. */
  private interface ExceptionType {
    BctrlException create(String message, Throwable cause, int attempts, String resumeCursor);
  }

  /**
   * A failure of {@code attempt}: the request, then {@code what} happened (where it went included),
   * then how many attempts were made; the key never in it.
   */
  private BctrlException failure(
      ExceptionType type, Attempt attempt, Throwable cause, String what) {
    return type.create(
        redact(describe() + what + attemptsSuffix(attempt.number)),
        cause,
        attempt.number,
        api.cursor);
  }

  private Long onResponse(Attempt attempt, Attempt.Result result) {
    Headers headers = result.headers;
    int status = result.status;
    String requestId = headers.get("X-Request-Id");
    Duration took = Duration.ofNanos(System.nanoTime() - attempt.startNanos);
    listen(l -> l.responseReceived(info(attempt), status, took, Optional.ofNullable(requestId)));
    if (status >= 200 && status < 300) {
      if (result.body.unreadable != null) {
        return decodeFailure(attempt, result, result.body.unreadable);
      }
      ResponseMetadata metadata =
          ResponseMetadata.of(
              status,
              headers.toMultimap(),
              attempt.number,
              Duration.ofNanos(config.delayer.nanoTime() - startNanos));
      T value;
      try {
        value = decoder.decode(result.body.bytes, metadata);
      } catch (SchemaMismatch e) {
        return decodeFailure(attempt, result, e);
      }
      log(attempt, headers, String.valueOf(status), -1);
      future.complete(value);
      return null;
    }
    // Decoded from the bytes, where broken text shows; again from the text if a key was echoed.
    String received = result.body.text(result.contentType);
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
            attempt.number,
            api.cursor);
    boolean overCap =
        serverDelay != null && serverDelay.toMillis() > RetryPolicy.MAX_SERVER_DELAY_MS;
    if (!RetryPolicy.isRetryableStatus(status) || overCap) {
      log(attempt, headers, String.valueOf(status), -1);
      fail(failure);
      return null;
    }
    long delay =
        serverDelay != null ? serverDelay.toMillis() : RetryPolicy.backoffMillis(attempt.number);
    return retryOrFail(attempt, headers, "status " + status, failure, delay);
  }

  private Long decodeFailure(Attempt attempt, Attempt.Result result, Exception problem) {
    String requestId = result.headers.get("X-Request-Id");
    log(attempt, result.headers, result.status + ", undecodable body", -1);
    fail(
        new BctrlDecodeException(
            redact(
                "could not decode the response to "
                    + describe()
                    + ": "
                    + problem.getMessage()
                    + (requestId != null ? " (request " + requestId + ")" : "")),
            problem,
            result.status,
            requestId,
            redact(result.body.text(result.contentType)),
            attempt.number,
            api.cursor));
    return null;
  }

  /**
   * Retries after {@code delayMillis} while the retry budget lasts and the wait ends before the
   * deadline; otherwise ends the call now with {@code failure}.
   */
  private Long retryOrFail(
      Attempt attempt, Headers headers, String reason, BctrlException failure, long delayMillis) {
    lastFailure = failure;
    boolean crossesDeadline =
        deadlineNanos != Durations.NONE
            && config.delayer.nanoTime() + delayMillis * 1_000_000L - deadlineNanos >= 0;
    String result =
        failure instanceof BctrlApiException
            ? String.valueOf(((BctrlApiException) failure).statusCode())
            : reason;
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

  /**
   * Method and URL path, as the server saw it (the base URL's path included), without the query.
   */
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

  private static String attemptsSuffix(int attempts) {
    return attempts > 1 ? " after " + attempts + " attempts" : "";
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
