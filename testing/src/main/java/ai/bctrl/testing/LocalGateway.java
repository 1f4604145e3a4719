package ai.bctrl.testing;

import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory bctrl API on loopback, for your own tests and for trying the SDK without an account.
 * It speaks {@code GET /v1/runs/{runId}/invocations} as the spec says: bearer-key auth, opaque
 * cursors, {@code limit}, one or many {@code status} and {@code action} filters, and errors in the
 * spec's {@code ErrorResponse} shape with an {@code X-Request-Id}. It records what it received, and
 * a fault plan makes chosen requests fail.
 *
 * <pre>{@code
 * try (LocalGateway gateway =
 *         LocalGateway.builder()
 *             .run("run-1", invocations)
 *             .failRequest(2, Fault.status(503).retryAfter("0"))
 *             .start();
 *     BctrlClient client =
 *         BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build()) {
 *   ...
 *   assertThat(gateway.requests()).hasSize(3);
 * }
 * }</pre>
 *
 * <p>{@link #start()} serves the seeded run {@value DemoDataset#DEMO_RUN_ID} of {@value
 * DemoDataset#DEMO_RUN_SIZE} invocations. Standalone: {@code ./examples/run LocalGateway --port
 * 8787 --fail-rate 0.2}.
 */
public final class LocalGateway implements AutoCloseable {
  /** The key the gateway accepts unless told otherwise. */
  public static final String DEFAULT_API_KEY = "local-dev-key";

  /** The page size when a request sets no {@code limit}, as the API's. */
  public static final int DEFAULT_LIMIT = 50;

  /** The largest {@code limit} accepted unless the builder sets another. */
  public static final int DEFAULT_MAX_LIMIT = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes wait on the client's
    // delayed ACK, adding about 40 ms to every response. Read once, when the server class loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String apiKey;
  private final int maxLimit;
  private final int pageSize;
  private final Map<Integer, Fault> faultsByRequest;
  private final double failRate;
  private final Random faults;
  private final Map<String, List<InvocationSummary>> runs = new ConcurrentHashMap<>();
  private final Map<InvocationSummary, byte[]> rendered = new ConcurrentHashMap<>();
  private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger requestCount = new AtomicInteger();

  private LocalGateway(Builder builder) throws IOException {
    this.apiKey = builder.apiKey;
    this.maxLimit = builder.maxLimit;
    this.pageSize = builder.pageSize;
    this.faultsByRequest = new HashMap<>(builder.faultsByRequest);
    this.failRate = builder.failRate;
    this.faults = new Random(builder.faultSeed);
    runs.putAll(builder.runs);
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
    this.executor =
        Executors.newFixedThreadPool(
            8,
            runnable -> {
              Thread thread = new Thread(runnable, "local-gateway");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts on a free loopback port with the default key, the demo run and no faults. */
  public static LocalGateway start() throws IOException {
    return builder().demoRun().start();
  }

  /**
   * Starts with the demo run and explicit settings, as {@code ./examples/run LocalGateway} does.
   *
   * @param port the loopback port, 0 for a free one
   * @param failRate share of requests, 0 to 1, answered with a 503, a 429 or a dropped connection
   * @param faultSeed seeds which requests fail, so that a run can be replayed
   */
  public static LocalGateway start(int port, String apiKey, double failRate, long faultSeed)
      throws IOException {
    return builder().demoRun().port(port).apiKey(apiKey).failRate(failRate, faultSeed).start();
  }

  /** A gateway with no runs, the default key, a free port and no faults, to configure. */
  public static Builder builder() {
    return new Builder();
  }

  /** Serves {@code invocations} (in this order) as the run {@code runId}, from now on. */
  public void addRun(String runId, List<InvocationSummary> invocations) {
    runs.put(runId, Collections.unmodifiableList(new ArrayList<>(invocations)));
  }

  /** A run's invocations as served, or null for an unknown run. */
  public @Nullable List<InvocationSummary> run(String runId) {
    return runs.get(runId);
  }

  /** The base URL to give the client, e.g. {@code http://127.0.0.1:53121}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The bearer key the gateway accepts. */
  public String apiKey() {
    return apiKey;
  }

  /** Every request received so far, in the order they arrived. */
  public List<ReceivedRequest> requests() {
    return Collections.unmodifiableList(new ArrayList<>(received));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int number = requestCount.incrementAndGet();
    String requestId = "req_local_" + number;
    received.add(record(number, exchange));
    try {
      respond(exchange, requestId, number);
    } catch (DropConnection drop) {
      throw drop;
    } catch (RuntimeException e) {
      sendError(
          exchange,
          requestId,
          500,
          "server.internal",
          "Internal error: " + e,
          "server",
          null,
          null);
    } finally {
      exchange.close();
    }
  }

  private static ReceivedRequest record(int number, HttpExchange exchange) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new ReceivedRequest(
        number,
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        query,
        exchange.getRequestHeaders());
  }

  private void respond(HttpExchange exchange, String requestId, int number) throws IOException {
    if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"bctrl\"");
      sendError(
          exchange,
          requestId,
          401,
          exchange.getRequestHeaders().getFirst("Authorization") == null
              ? "auth.missing"
              : "auth.invalid",
          "Authentication required: the API key is missing or invalid.",
          "unauthorized",
          "Send Authorization: Bearer <api-key>.",
          null);
      return;
    }
    String[] segments = exchange.getRequestURI().getRawPath().split("/");
    boolean listRoute =
        segments.length == 5
            && segments[0].isEmpty()
            && segments[1].equals("v1")
            && segments[2].equals("runs")
            && segments[4].equals("invocations");
    if (!listRoute) {
      sendError(
          exchange, requestId, 404, "route.not_found", "No such route.", "not_found", null, null);
      return;
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      sendError(
          exchange,
          requestId,
          405,
          "method.not_allowed",
          "Only GET is allowed here.",
          "invalid_input",
          null,
          null);
      return;
    }
    if (injectFault(exchange, requestId, number)) {
      return;
    }
    String runId = decode(segments[3]);
    List<InvocationSummary> invocations = runs.get(runId);
    if (invocations == null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("runId", runId);
      sendError(
          exchange,
          requestId,
          404,
          "run.not_found",
          "Run " + runId + " was not found.",
          "not_found",
          null,
          details);
      return;
    }
    Query query;
    try {
      query = Query.parse(exchange.getRequestURI().getRawQuery(), pageSize, maxLimit);
    } catch (IllegalArgumentException invalid) {
      sendError(
          exchange,
          requestId,
          400,
          "request.invalid",
          invalid.getMessage(),
          "invalid_input",
          null,
          null);
      return;
    }
    sendPage(exchange, requestId, invocations, query);
  }

  private void sendPage(
      HttpExchange exchange, String requestId, List<InvocationSummary> all, Query query)
      throws IOException {
    List<InvocationSummary> matching = new ArrayList<>();
    for (InvocationSummary invocation : all) {
      if (query.matches(invocation)) {
        matching.add(invocation);
      }
    }
    int from = Math.min(query.offset, matching.size());
    int to = Math.min(from + query.limit, matching.size());
    ByteArrayOutputStream body = new ByteArrayOutputStream(256 * (to - from) + 64);
    body.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
    for (int i = from; i < to; i++) {
      if (i > from) {
        body.write(',');
      }
      body.write(rendered.computeIfAbsent(matching.get(i), LocalGateway::render));
    }
    String next = to < matching.size() ? query.cursorFor(to) : null;
    body.write(
        ("],\"nextCursor\":" + (next == null ? "null" : "\"" + next + "\"") + "}")
            .getBytes(StandardCharsets.UTF_8));
    send(exchange, requestId, 200, body.toByteArray());
  }

  /** The bearer scheme is case-insensitive (RFC 9110); the token is compared exactly. */
  private boolean authorized(String authorization) {
    if (authorization == null) {
      return false;
    }
    int space = authorization.indexOf(' ');
    return space > 0
        && authorization.substring(0, space).equalsIgnoreCase("Bearer")
        && authorization.substring(space + 1).trim().equals(apiKey);
  }

  private boolean injectFault(HttpExchange exchange, String requestId, int number)
      throws IOException {
    Fault fault = faultsByRequest.get(number);
    if (fault == null && failRate > 0) {
      synchronized (faults) {
        if (faults.nextDouble() < failRate) {
          int kind = faults.nextInt(3);
          fault =
              kind == 0
                  ? Fault.status(503)
                  : kind == 1 ? Fault.status(429).retryAfter("0") : Fault.dropConnection();
        }
      }
    }
    if (fault == null) {
      return false;
    }
    switch (fault.kind) {
      case DELAY:
        try {
          Thread.sleep(fault.delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return false;
      case DROP:
        // The JDK server closes the connection when a handler throws before responding: the
        // client sees it drop with no response at all.
        throw new DropConnection();
      default:
        if (fault.retryAfter != null) {
          exchange.getResponseHeaders().set("Retry-After", fault.retryAfter);
        }
        boolean rateLimited = fault.status == 429;
        sendError(
            exchange,
            requestId,
            fault.status,
            rateLimited ? "rate_limited" : "fault.injected",
            rateLimited ? "Too many requests." : "Injected fault: status " + fault.status + ".",
            rateLimited ? "rate_limited" : fault.status >= 500 ? "server" : "invalid_input",
            fault.retryAfter == null ? null : "retry after " + fault.retryAfter + "s",
            null);
        return true;
    }
  }

  /** Thrown to make the JDK server hang up without a response. */
  private static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DropConnection() {
      super("injected fault: connection dropped", null, false, false);
    }
  }

  private void sendError(
      HttpExchange exchange,
      String requestId,
      int status,
      String code,
      @Nullable String message,
      String reasonClass,
      @Nullable String hint,
      @Nullable Map<String, Object> details)
      throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("error", message);
    if (hint != null) {
      error.put("hint", hint);
    }
    error.put("reasonClass", reasonClass);
    error.put("requestId", requestId);
    if (details != null) {
      error.put("details", details);
    }
    send(exchange, requestId, status, JSON.writeValueAsBytes(error));
  }

  private static void send(HttpExchange exchange, String requestId, int status, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Request-Id", requestId);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static byte[] render(InvocationSummary invocation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("action", invocation.actionValue());
    json.put("createdAt", invocation.createdAt().toString());
    json.put("id", invocation.id());
    json.put("runId", invocation.runId());
    json.put("runtimeId", invocation.runtimeId());
    json.put("status", invocation.statusValue());
    json.put("durationMs", invocation.durationMs().orElse(null));
    json.put("finishedAt", invocation.finishedAt().map(Object::toString).orElse(null));
    if (invocation.error().isPresent()) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("message", invocation.error().get().message());
      error.put("code", invocation.error().get().code().orElse(null));
      error.put("details", invocation.error().get().details());
      json.put("error", error);
    } else {
      json.put("error", null);
    }
    json.putAll(invocation.additionalProperties());
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded.replace("+", "%2B"), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A list request's filters and position, and the opaque cursors that carry them. */
  static final class Query {
    final Set<String> statuses = new LinkedHashSet<>();
    final Set<String> actions = new LinkedHashSet<>();
    int limit = DEFAULT_LIMIT;
    int offset;

    static Query parse(String rawQuery, int pageSize, int maxLimit) {
      Query query = new Query();
      query.limit = pageSize;
      String cursor = null;
      if (rawQuery != null && !rawQuery.isEmpty()) {
        for (String pair : rawQuery.split("&")) {
          int eq = pair.indexOf('=');
          String name = decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
          switch (name) {
            case "status":
              if (InvocationStatus.fromValue(value) == InvocationStatus.UNKNOWN) {
                throw new IllegalArgumentException("Unknown status: " + value);
              }
              query.statuses.add(value);
              break;
            case "action":
              if (InvocationAction.fromValue(value) == InvocationAction.UNKNOWN) {
                throw new IllegalArgumentException("Unknown action: " + value);
              }
              query.actions.add(value);
              break;
            case "limit":
              query.limit = parseLimit(value, maxLimit);
              break;
            case "cursor":
              cursor = value;
              break;
            default:
              // Unknown parameters are ignored, as a tolerant server does.
          }
        }
      }
      if (cursor != null) {
        query.offset = query.offsetOf(cursor);
      }
      return query;
    }

    private static int parseLimit(String value, int maxLimit) {
      int limit;
      try {
        limit = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("limit must be an integer: " + value);
      }
      if (limit < 1 || limit > maxLimit) {
        throw new IllegalArgumentException("limit must be between 1 and " + maxLimit);
      }
      return limit;
    }

    boolean matches(InvocationSummary invocation) {
      return (statuses.isEmpty() || statuses.contains(invocation.statusValue()))
          && (actions.isEmpty() || actions.contains(invocation.actionValue()));
    }

    /** Cursors name the filters they were made for, so one cannot be replayed on another. */
    private String signature() {
      return String.join(",", statuses) + "|" + String.join(",", actions);
    }

    String cursorFor(int nextOffset) {
      String plain = "v1:" + nextOffset + ":" + signature();
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private int offsetOf(String cursor) {
      String plain;
      try {
        plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cursor is not valid");
      }
      String[] parts = plain.split(":", 3);
      if (parts.length != 3 || !parts[0].equals("v1") || !parts[2].equals(signature())) {
        throw new IllegalArgumentException("cursor is not valid for these filters");
      }
      int offset;
      try {
        offset = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("cursor is not valid");
      }
      if (offset < 0) {
        // A forged cursor: refused as bad input, never an index out of range.
        throw new IllegalArgumentException("cursor is not valid");
      }
      return offset;
    }
  }

  /** Configures a {@link LocalGateway}; {@link #start()} starts it. */
  public static final class Builder {
    private final Map<String, List<InvocationSummary>> runs = new LinkedHashMap<>();
    private final Map<Integer, Fault> faultsByRequest = new HashMap<>();
    private String apiKey = DEFAULT_API_KEY;
    private int port;
    private int maxLimit = DEFAULT_MAX_LIMIT;
    private int pageSize = DEFAULT_LIMIT;
    private double failRate;
    private long faultSeed;

    Builder() {}

    /** Serves {@code invocations}, in this order, as the run {@code runId}. */
    public Builder run(String runId, List<InvocationSummary> invocations) {
      if (runId == null || invocations == null) {
        throw new IllegalArgumentException("runId and invocations must not be null");
      }
      runs.put(runId, Collections.unmodifiableList(new ArrayList<>(invocations)));
      return this;
    }

    /** Serves the seeded {@value DemoDataset#DEMO_RUN_ID} run too. */
    public Builder demoRun() {
      return run(DemoDataset.DEMO_RUN_ID, DemoDataset.demoRun());
    }

    /**
     * Serves {@link TestValues#seededRun(String, int, long) TestValues.seededRun(runId, count,
     * seed)} as the run {@code runId}: {@code count} realistic invocations, the same for one seed.
     */
    public Builder seededRun(String runId, int count, long seed) {
      return run(runId, TestValues.seededRun(runId, count, seed));
    }

    /** The bearer key to accept; default {@value LocalGateway#DEFAULT_API_KEY}. */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isEmpty()) {
        throw new IllegalArgumentException("apiKey is null or empty");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** The loopback port; 0 (the default) for a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The page size when a request sets no {@code limit}; default {@value
     * LocalGateway#DEFAULT_LIMIT}, as the API's.
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The largest {@code limit} accepted (larger is a 400); default {@value
     * LocalGateway#DEFAULT_MAX_LIMIT}.
     */
    public Builder maxLimit(int maxLimit) {
      if (maxLimit < 1) {
        throw new IllegalArgumentException("maxLimit must be >= 1: " + maxLimit);
      }
      this.maxLimit = maxLimit;
      return this;
    }

    /**
     * Answers request number {@code n} (1 for the first the gateway receives, whatever its path)
     * with {@code fault}.
     */
    public Builder failRequest(int n, Fault fault) {
      if (n < 1 || fault == null) {
        throw new IllegalArgumentException("request numbers start at 1; fault must not be null");
      }
      faultsByRequest.put(n, fault);
      return this;
    }

    /**
     * Answers a share {@code rate} (0 to 1) of authorized list requests with a 503, a 429 with
     * {@code Retry-After: 0} or a dropped connection, chosen by {@code seed} so that a run can be
     * replayed.
     */
    public Builder failRate(double rate, long seed) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("failRate must be between 0 and 1: " + rate);
      }
      this.failRate = rate;
      this.faultSeed = seed;
      return this;
    }

    /** Starts the gateway on loopback. */
    public LocalGateway start() throws IOException {
      return new LocalGateway(this);
    }
  }

  /** {@code --port 8787 --api-key KEY --fail-rate 0.2 --seed 1}; stops on Ctrl-C. */
  public static void main(String[] args) throws Exception {
    int port = 8787;
    String key = System.getenv("BCTRL_API_KEY") != null ? System.getenv("BCTRL_API_KEY") : null;
    double failRate = 0;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          port = Integer.parseInt(args[++i]);
          break;
        case "--api-key":
          key = args[++i];
          break;
        case "--fail-rate":
          failRate = Double.parseDouble(args[++i]);
          break;
        case "--seed":
          seed = Long.parseLong(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    LocalGateway gateway = start(port, key != null ? key : DEFAULT_API_KEY, failRate, seed);
    System.out.println("bctrl local gateway on " + gateway.baseUrl());
    // A real key from the environment is never printed; the local default is no secret.
    System.out.println("  API key:  " + (key != null ? "(the one given)" : gateway.apiKey()));
    System.out.println(
        "  demo run: "
            + DemoDataset.DEMO_RUN_ID
            + " ("
            + DemoDataset.DEMO_RUN_SIZE
            + " invocations)");
    if (failRate > 0) {
      System.out.println("  failing " + Math.round(failRate * 100) + "% of requests");
    }
    Thread.currentThread().join();
  }
}
