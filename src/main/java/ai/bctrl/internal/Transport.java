package ai.bctrl.internal;

import ai.bctrl.LogLevel;
import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlTimeoutException;
import ai.bctrl.models.ErrorResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The one path every call takes: {@link #newRequest} builds the HTTP request, {@link #onResponse}
 * and {@link #onFailure} turn one attempt's result into a value, an exception or a retry, and
 * {@link #execute} and {@link #executeAsync} only loop over attempts, blocking or not.
 */
public final class Transport {
  /** Error bodies and the raw body of an undecodable page are kept up to this many bytes. */
  static final long MAX_RAW_BODY_BYTES = 1 << 20;

  private final ClientConfig config;

  public Transport(ClientConfig config) {
    this.config = config;
  }

  /** Sends {@code api}, retrying per policy, and decodes the 2xx body; blocks the caller. */
  public <T> T execute(ApiRequest api, BodyDecoder<T> decoder) {
    for (int attempt = 1; ; attempt++) {
      Call call = newCall(api, attempt);
      long start = System.nanoTime();
      Outcome<T> outcome;
      try (Response response = call.execute()) {
        outcome = onResponse(api, attempt, response, decoder, start);
      } catch (IOException e) {
        outcome = onFailure(api, attempt, e, start);
      }
      if (!outcome.isRetry()) {
        return outcome.valueOrThrow();
      }
      try {
        config.delayer.sleep(outcome.retryDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BctrlConnectionException(
            "interrupted while waiting to retry " + api.describe(), e, attempt, api.cursor);
      }
    }
  }

  /**
   * Sends {@code api} without blocking: attempts are enqueued on OkHttp's dispatcher and waits
   * between them are scheduled. Cancelling the future cancels the call in flight and any retry.
   */
  public <T> CompletableFuture<T> executeAsync(ApiRequest api, BodyDecoder<T> decoder) {
    AsyncExchange<T> exchange = new AsyncExchange<>(api, decoder);
    exchange.attempt(1);
    return exchange.future;
  }

  /** Releases what the client owns: the retry scheduler and, if the SDK made it, the pool. */
  public void close() {
    config.delayer.shutdown();
    if (config.ownsOkHttpClient) {
      config.okHttpClient.dispatcher().executorService().shutdown();
      config.okHttpClient.connectionPool().evictAll();
    }
  }

  Request newRequest(ApiRequest api, int attempt) {
    HttpUrl.Builder url = config.baseUrl.newBuilder();
    for (String segment : api.pathSegments) {
      url.addPathSegment(segment);
    }
    for (int i = 0; i < api.queryNamesAndValues.size(); i += 2) {
      url.addQueryParameter(api.queryNamesAndValues.get(i), api.queryNamesAndValues.get(i + 1));
    }
    if (api.cursor != null) {
      url.addQueryParameter("cursor", api.cursor);
    }
    Request.Builder request =
        new Request.Builder()
            .url(url.build())
            .header("Authorization", "Bearer " + config.apiKey)
            .header("Accept", "application/json")
            .header("User-Agent", Versions.USER_AGENT);
    for (Map.Entry<String, String> header : api.options.headers().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    if (attempt > 1) {
      request.header("X-Bctrl-Retry-Count", Integer.toString(attempt - 1));
    }
    return request.build();
  }

  private Call newCall(ApiRequest api, int attempt) {
    Call call = config.okHttpClient.newCall(newRequest(api, attempt));
    Duration timeout = api.options.timeout().orElse(config.timeout);
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return call;
  }

  private int maxRetries(ApiRequest api) {
    return api.options.maxRetries().orElse(config.maxRetries);
  }

  <T> Outcome<T> onResponse(
      ApiRequest api, int attempt, Response response, BodyDecoder<T> decoder, long start) {
    int status = response.code();
    ResponseBody body = response.body();
    if (response.isSuccessful()) {
      byte[] bytes;
      try {
        // Read whole before decoding: a failure while reading is the connection's, one while
        // decoding is the body's.
        bytes = body.bytes();
      } catch (IOException e) {
        return onFailure(api, attempt, e, start);
      }
      try {
        T value = decoder.decode(bytes);
        log(api, attempt, response, null, start, -1);
        return Outcome.success(value);
      } catch (SchemaMismatch e) {
        log(api, attempt, response, "undecodable body", start, -1);
        return Outcome.failure(decodeFailure(api, attempt, response, bytes, e));
      }
    }
    String rawBody;
    try {
      rawBody = readBounded(body);
    } catch (IOException e) {
      return onFailure(api, attempt, e, start);
    }
    Duration serverDelay = RetryPolicy.serverDelay(response.headers(), System.currentTimeMillis());
    boolean overCap =
        serverDelay != null && serverDelay.toMillis() > RetryPolicy.MAX_SERVER_DELAY_MS;
    if (RetryPolicy.isRetryableStatus(status) && attempt <= maxRetries(api) && !overCap) {
      long delay =
          serverDelay != null ? serverDelay.toMillis() : RetryPolicy.backoffMillis(attempt);
      log(api, attempt, response, null, start, delay);
      return Outcome.retry(delay);
    }
    log(api, attempt, response, null, start, -1);
    ErrorResponse errorResponse = Json.errorResponse(rawBody);
    return Outcome.failure(
        BctrlApiException.of(
            status,
            errorResponse,
            rawBody,
            response.headers().toMultimap(),
            serverDelay,
            attempt,
            api.cursor));
  }

  <T> Outcome<T> onFailure(ApiRequest api, int attempt, IOException e, long start) {
    boolean timeout = e instanceof InterruptedIOException;
    String what = timeout ? "timed out" : "failed: " + e;
    // A call timeout also marks the call canceled, so cancellation is not checked here: an async
    // caller's cancel has already completed its future, which ignores any retry.
    boolean stop = Thread.currentThread().isInterrupted() || attempt > maxRetries(api);
    if (!stop) {
      long delay = RetryPolicy.backoffMillis(attempt);
      logFailure(api, attempt, what, start, delay);
      return Outcome.retry(delay);
    }
    logFailure(api, attempt, what, start, -1);
    String message =
        api.describe() + " " + what + (attempt > 1 ? " after " + attempt + " attempts" : "");
    return Outcome.failure(
        timeout
            ? new BctrlTimeoutException(message, e, attempt, api.cursor)
            : new BctrlConnectionException(message, e, attempt, api.cursor));
  }

  private static BctrlDecodeException decodeFailure(
      ApiRequest api, int attempt, Response response, byte[] body, SchemaMismatch e) {
    int kept = (int) Math.min(body.length, MAX_RAW_BODY_BYTES);
    String rawBody = new String(body, 0, kept, charset(response.body().contentType()));
    String requestId = response.header("X-Request-Id");
    String message =
        "could not decode the response to "
            + api.describe()
            + ": "
            + e.getMessage()
            + (requestId != null ? " (request " + requestId + ")" : "");
    return new BctrlDecodeException(
        message, e, response.code(), requestId, rawBody, attempt, api.cursor);
  }

  private static String readBounded(ResponseBody body) throws IOException {
    BufferedSource source = body.source();
    source.request(MAX_RAW_BODY_BYTES);
    long size = Math.min(source.getBuffer().size(), MAX_RAW_BODY_BYTES);
    return source.getBuffer().readString(size, charset(body.contentType()));
  }

  private static Charset charset(MediaType contentType) {
    Charset charset = contentType == null ? null : contentType.charset();
    return charset != null ? charset : StandardCharsets.UTF_8;
  }

  /** Logs an attempt that got a response; {@code retryInMillis} is -1 when none follows. */
  private void log(
      ApiRequest api,
      int attempt,
      Response response,
      String detail,
      long start,
      long retryInMillis) {
    if (config.logLevel == LogLevel.OFF) {
      return; // Before building any text: this runs for every page.
    }
    String result = response.code() + (detail != null ? ", " + detail : "");
    SdkLog.attempt(
        config.logLevel,
        response.request(),
        attempt,
        maxRetries(api) + 1,
        result,
        start,
        response.headers(),
        retryNote(retryInMillis));
  }

  /** Logs an attempt that got no response; {@code retryInMillis} is -1 when none follows. */
  private void logFailure(
      ApiRequest api, int attempt, String result, long start, long retryInMillis) {
    if (config.logLevel == LogLevel.OFF) {
      return;
    }
    SdkLog.attempt(
        config.logLevel,
        newRequest(api, attempt),
        attempt,
        maxRetries(api) + 1,
        result,
        start,
        null,
        retryNote(retryInMillis));
  }

  private static String retryNote(long retryInMillis) {
    return retryInMillis < 0 ? null : "retrying in " + retryInMillis + " ms";
  }

  /** What one attempt came to: a value, an exception to throw, or a retry after a delay. */
  static final class Outcome<T> {
    final T value;
    final BctrlException failure;
    final long retryDelayMillis;

    private Outcome(T value, BctrlException failure, long retryDelayMillis) {
      this.value = value;
      this.failure = failure;
      this.retryDelayMillis = retryDelayMillis;
    }

    static <T> Outcome<T> success(T value) {
      return new Outcome<>(value, null, -1);
    }

    static <T> Outcome<T> failure(BctrlException failure) {
      return new Outcome<>(null, failure, -1);
    }

    static <T> Outcome<T> retry(long delayMillis) {
      return new Outcome<>(null, null, delayMillis);
    }

    boolean isRetry() {
      return retryDelayMillis >= 0;
    }

    T valueOrThrow() {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }

  /** One async call: its attempts, the call in flight, and the retry waiting to start. */
  private final class AsyncExchange<T> implements Callback {
    final CompletableFuture<T> future = new CompletableFuture<>();
    private final ApiRequest api;
    private final BodyDecoder<T> decoder;
    private volatile Call call;
    private volatile Future<?> pendingRetry;
    private volatile int attempt;
    private volatile long start;

    AsyncExchange(ApiRequest api, BodyDecoder<T> decoder) {
      this.api = api;
      this.decoder = decoder;
      future.whenComplete(
          (value, error) -> {
            if (future.isCancelled()) {
              Call inFlight = call;
              if (inFlight != null) {
                inFlight.cancel();
              }
              Future<?> retry = pendingRetry;
              if (retry != null) {
                retry.cancel(false);
              }
            }
          });
    }

    void attempt(int number) {
      if (future.isDone()) {
        return;
      }
      attempt = number;
      start = System.nanoTime();
      Call next = newCall(api, number);
      call = next;
      if (future.isCancelled()) {
        return;
      }
      next.enqueue(this);
    }

    @Override
    public void onResponse(Call call, Response response) {
      Outcome<T> outcome;
      try (Response closing = response) {
        outcome = Transport.this.onResponse(api, attempt, closing, decoder, start);
      } catch (RuntimeException e) {
        // A decoder bug must still end the future, or its caller would wait forever.
        future.completeExceptionally(e);
        return;
      }
      proceed(outcome);
    }

    @Override
    public void onFailure(Call call, IOException e) {
      proceed(Transport.this.onFailure(api, attempt, e, start));
    }

    private void proceed(Outcome<T> outcome) {
      if (future.isDone()) {
        return;
      }
      if (!outcome.isRetry()) {
        if (outcome.failure != null) {
          future.completeExceptionally(outcome.failure);
        } else {
          future.complete(outcome.value);
        }
        return;
      }
      int next = attempt + 1;
      if (outcome.retryDelayMillis == 0) {
        attempt(next);
        return;
      }
      try {
        pendingRetry = config.delayer.schedule(() -> attempt(next), outcome.retryDelayMillis);
      } catch (RuntimeException closed) {
        future.completeExceptionally(
            new BctrlException("client closed while waiting to retry " + api.describe()));
      }
    }
  }
}
