package ai.bctrl.internal;

import ai.bctrl.errors.BctrlException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Connection;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one path every call takes: {@link #newRequest} builds each attempt's HTTP request, an {@link
 * Exchange} turns its result into a value, a failure or a retry, and {@link #execute} (blocking)
 * and {@link #executeAsync} both run that same exchange. Sync calls wait on it so that an interrupt
 * stops them at once, in flight or between attempts.
 */
public final class Transport {
  private static final String HIDDEN_RETRY_AFTER = "X-Bctrl-Hidden-Retry-After";

  /** When each pooled connection last got a response; weak, so the pool alone decides its life. */
  private static final Map<Connection, Long> LAST_USED =
      Collections.synchronizedMap(new WeakHashMap<Connection, Long>());

  private static final long STALE_CHECK_AFTER_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final ClientConfig config;
  private final Set<Exchange<?>> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public Transport(ClientConfig config) {
    this.config = config;
  }

  /**
   * The OkHttp client the SDK sends with, derived from {@code base} (the caller's, or a new one
   * with daemon dispatcher threads and {@code maxConcurrentRequests} for every host).
   */
  public static OkHttpClient httpClient(
      OkHttpClient base, Duration timeout, int maxConcurrentRequests) {
    OkHttpClient.Builder builder;
    if (base == null) {
      Dispatcher dispatcher =
          new Dispatcher(
              new ThreadPoolExecutor(
                  0,
                  Integer.MAX_VALUE,
                  60,
                  TimeUnit.SECONDS,
                  new SynchronousQueue<Runnable>(),
                  runnable -> {
                    Thread thread = new Thread(runnable, "bctrl-http");
                    // A program that forgets close() still exits.
                    thread.setDaemon(true);
                    return thread;
                  }));
      dispatcher.setMaxRequests(maxConcurrentRequests);
      dispatcher.setMaxRequestsPerHost(maxConcurrentRequests);
      builder = new OkHttpClient.Builder().dispatcher(dispatcher);
    } else {
      builder = base.newBuilder();
    }
    // The call timeout bounds each attempt as a whole; the per-phase timeouts are lifted so that
    // a longer per-call timeout is not cut short by a shorter read timeout. OkHttp's own silent
    // retries are off (see NETWORK) so that every attempt goes through the SDK's policy.
    return builder
        .retryOnConnectionFailure(false)
        .callTimeout(timeout)
        .connectTimeout(Duration.ZERO)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .addNetworkInterceptor(Transport::traceAttempt)
        .build();
  }

  /** Sends {@code api}, retrying per policy, and decodes the 2xx body; blocks the caller. */
  public <T> T execute(ApiRequest api, BodyDecoder<T> decoder) {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(api, 0, null);
    }
    Exchange<T> exchange = register(api, decoder);
    try {
      return exchange.runBlocking();
    } catch (InterruptedException e) {
      BctrlException interrupted = interrupted(api, exchange.attempts(), e);
      exchange.abort(interrupted);
      Thread.currentThread().interrupt();
      throw interrupted;
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      if (failure instanceof RuntimeException) {
        throw (RuntimeException) failure;
      }
      if (failure instanceof Error) {
        throw (Error) failure;
      }
      throw new BctrlException(api.describe() + " failed: " + failure, failure, 0, api.cursor);
    }
  }

  /**
   * Sends {@code api} without blocking: attempts are enqueued on OkHttp's dispatcher and waits
   * between them are scheduled. Cancelling the future cancels the call in flight and any retry.
   */
  public <T> CompletableFuture<T> executeAsync(ApiRequest api, BodyDecoder<T> decoder) {
    Exchange<T> exchange = register(api, decoder);
    exchange.send(1); // Sends nothing if the client was closed: the exchange has failed already.
    return exchange.future;
  }

  /** A new exchange that close() will see; failed at once if the client is closed already. */
  private <T> Exchange<T> register(ApiRequest api, BodyDecoder<T> decoder) {
    Exchange<T> exchange = new Exchange<>(this, config, api, decoder);
    live.add(exchange);
    if (closed) {
      exchange.abort(closedFailure(exchange));
    }
    return exchange;
  }

  void forget(Exchange<?> exchange) {
    live.remove(exchange);
  }

  BctrlException closedFailure(Exchange<?> exchange) {
    int attempts = exchange.attempts();
    return new BctrlException(
        "the client is closed: "
            + exchange.api.describe()
            + (attempts == 0 ? " was not sent" : " stopped after " + attempts + " attempt(s)"),
        null,
        attempts,
        exchange.api.cursor);
  }

  static BctrlException interrupted(ApiRequest api, int attempts, Throwable cause) {
    return new BctrlException(
        "interrupted while waiting for " + api.describe(), cause, attempts, api.cursor);
  }

  /**
   * Fails every call still under way with a {@link BctrlException} that says the client was closed,
   * refuses new ones, and releases what the client owns: the retry scheduler and, if the SDK made
   * it, the connection pool and dispatcher threads.
   */
  public void close() {
    closed = true;
    for (Exchange<?> exchange : live) {
      exchange.abort(closedFailure(exchange));
    }
    config.delayer.shutdown();
    if (config.ownsOkHttpClient) {
      config.okHttpClient.dispatcher().executorService().shutdown();
      config.okHttpClient.connectionPool().evictAll();
    }
  }

  void evictIdleConnections() {
    if (config.ownsOkHttpClient) {
      config.okHttpClient.connectionPool().evictAll(); // Only the idle ones; calls keep theirs.
    }
  }

  Request newRequest(ApiRequest api, int attempt, String apiKey) {
    HttpUrl.Builder url = config.baseUrl.newBuilder();
    for (String segment : api.pathSegments) {
      url.addEncodedPathSegment(percentEncode(segment));
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
            .header("Authorization", "Bearer " + apiKey)
            .header("Accept", "application/json")
            // Asked for here, not by OkHttp, so that the SDK decompresses (see ResponseBodies).
            .header("Accept-Encoding", "gzip")
            .header("User-Agent", Versions.USER_AGENT)
            .tag(AttemptTrace.class, new AttemptTrace());
    for (Map.Entry<String, String> header : api.options.headers().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    if (attempt > 1) {
      request.header("X-Bctrl-Retry-Count", Integer.toString(attempt - 1));
    }
    return request.build();
  }

  /**
   * Every byte but RFC 3986's unreserved characters is percent-encoded, so that an id is always one
   * path segment: not {@code /}, and not {@code ;} or {@code =}, which servlet containers read as
   * path parameters.
   */
  static String percentEncode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** The client's key, and the call's own if it has one, replaced in {@code text}. */
  String redact(String text, String callKey) {
    return redact(text, callKey, config.apiKey);
  }

  UnaryOperator<String> redactor(String callKey) {
    return text -> redact(text, callKey);
  }

  static String redact(String text, String key, String otherKey) {
    return Redaction.redact(text, key, otherKey);
  }

  /** Set by the network interceptor when an attempt found its pooled connection closed. */
  static final class AttemptTrace {
    volatile boolean staleConnection;
  }

  /**
   * Below OkHttp's retry and follow-up logic, for every network request. A pooled HTTP/1 connection
   * idle for a while is checked for a close by the server first (cheap when not idle: a tight walk
   * never pays for it); if closed, the attempt fails before anything is sent, marked so that the
   * exchange retries at once on a fresh connection. A 503's {@code Retry-After} is hidden from
   * OkHttp, which would otherwise resend the request itself when it is 0: an attempt the SDK could
   * not count.
   */
  private static Response traceAttempt(Interceptor.Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null) {
      Long lastUsed = LAST_USED.get(connection);
      if (lastUsed != null
          && System.nanoTime() - lastUsed > STALE_CHECK_AFTER_IDLE_NANOS
          && connection.protocol() != Protocol.HTTP_2
          && closedByPeer(connection.socket())) {
        AttemptTrace trace = chain.request().tag(AttemptTrace.class);
        if (trace != null) {
          trace.staleConnection = true;
        }
        throw new IOException("the server closed this pooled connection while it was idle");
      }
    }
    Response response = chain.proceed(chain.request());
    if (connection != null) {
      LAST_USED.put(connection, System.nanoTime());
    }
    String retryAfter = response.header("Retry-After");
    if (response.code() == 503 && retryAfter != null) {
      return response
          .newBuilder()
          .removeHeader("Retry-After")
          .header(HIDDEN_RETRY_AFTER, retryAfter)
          .build();
    }
    return response;
  }

  /**
   * Whether the peer closed an idle HTTP/1 socket: nothing may be pending on it between responses,
   * so a read that ends the stream (or any byte at all) means it cannot be reused.
   */
  private static boolean closedByPeer(Socket socket) {
    try {
      int timeout = socket.getSoTimeout();
      socket.setSoTimeout(1);
      try {
        socket.getInputStream().read(); // Returns only at EOF or with a stray byte: unusable.
        return true;
      } finally {
        socket.setSoTimeout(timeout);
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException broken) {
      return true;
    }
  }

  /** The response's headers as the server sent them, undoing {@link #traceAttempt}. */
  static Headers restoreHiddenHeaders(Headers headers) {
    String retryAfter = headers.get(HIDDEN_RETRY_AFTER);
    return retryAfter == null
        ? headers
        : headers.newBuilder().removeAll(HIDDEN_RETRY_AFTER).add("Retry-After", retryAfter).build();
  }
}
