package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static ai.bctrl.Fixtures.page;
import static ai.bctrl.Fixtures.pageJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlClosedException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlInterruptedException;
import ai.bctrl.errors.BctrlTimeoutException;
import ai.bctrl.errors.InternalServerException;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Edges of the call layer that mutation testing showed no other test held: close and interrupts at
 * each stage of a call, which timeout a slow connection is under, where the retry budget and the
 * server's delay end, and what a failure says and logs.
 */
@Timeout(20)
class CallEdgesTest extends MockServerTest {
  // Held strongly: java.util.logging forgets a logger nobody references, handlers and all.
  private static final Logger SDK_LOGGER = Logger.getLogger("ai.bctrl");

  @Test
  void closeStopsASyncCallInFlightAndSaysHowManyAttemptsWereMade() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    Caller caller = new Caller(() -> client.runs().listInvocations("r"));
    assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

    client.close();
    caller.thread.join(2_000);

    assertThat(caller.thread.isAlive()).as("returned within 2 s of close()").isFalse();
    assertThat(caller.failure.get())
        .isExactlyInstanceOf(BctrlClosedException.class)
        .hasMessage("the client is closed: GET /v1/runs/r/invocations stopped after 1 attempt(s)");
    assertThat(((BctrlException) caller.failure.get()).attempts()).isEqualTo(1);
  }

  @Test
  void anInterruptDuringTheWaitBeforeARetryEndsTheCallWithTheFlagKept() throws Exception {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "30"));
    TestClients.WaitingDelayer waits = new TestClients.WaitingDelayer();
    try (BctrlClient waiting = TestClients.builderWithDelayer(server, waits).build()) {
      Caller caller = new Caller(() -> waiting.runs().listInvocations("r"));
      waits.awaitBackoff();

      caller.thread.interrupt();
      caller.thread.join(1_000);

      assertThat(caller.thread.isAlive()).as("returned within 1 s of the interrupt").isFalse();
      assertThat(caller.failure.get())
          .isExactlyInstanceOf(BctrlInterruptedException.class)
          .hasMessage("interrupted while waiting for GET /v1/runs/r/invocations");
      assertThat(((BctrlException) caller.failure.get()).attempts()).isEqualTo(1);
      assertThat(caller.interruptFlag).as("interrupt flag kept").isTrue();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aTimedOutAttemptIsRetriedAfterTheBackoff() {
    // No answer at all, rather than a late one, so that the attempt's timeout can be long enough
    // for the retry on a fresh connection to finish within it on a loaded machine.
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(page(0, 1, null));

    CursorPage<InvocationSummary> page =
        listWith(RequestOptions.builder().timeout(Duration.ofSeconds(1)).maxRetries(1).build());

    assertThat(page.data()).hasSize(1);
    assertThat(page.response().attempts()).isEqualTo(2);
    assertThat(delayer.waits).hasSize(1);
    assertThat(delayer.waits.get(0)).as("0.5 s less up to a quarter").isBetween(375L, 500L);
  }

  @Test
  void aResponseSlowerThanTheConnectTimeoutIsNotAConnectTimeout() throws Exception {
    // The connection is pooled first by a client with room to connect, so that the one under
    // test connects at once however slow a fresh loopback connect is on a loaded machine.
    OkHttpClient shared = new OkHttpClient();
    server.enqueue(page(0, 1, null));
    try (BctrlClient warming = TestClients.builder(server, delayer).okHttpClient(shared).build()) {
      warming.runs().listInvocations("r");
    }
    try (BctrlClient quickToConnect =
        TestClients.builder(server, delayer)
            .okHttpClient(shared)
            .connectTimeout(Duration.ofMillis(300))
            .maxRetries(0)
            .build()) {
      server.enqueue(page(0, 1, null).setHeadersDelay(900, TimeUnit.MILLISECONDS));
      server.enqueue(page(0, 1, null).setHeadersDelay(900, TimeUnit.MILLISECONDS));

      assertThat(quickToConnect.runs().listInvocations("r").data()).hasSize(1);
      assertThat(quickToConnect.runs().listInvocationsAsync("r").get(5, TimeUnit.SECONDS).data())
          .hasSize(1);
      server.takeRequest();
      assertThat(server.takeRequest().getSequenceNumber()).as("on the pooled connection").isOne();
      assertThat(server.takeRequest().getSequenceNumber()).isEqualTo(2);
    } finally {
      shared.connectionPool().evictAll();
    }
  }

  @Test
  void aSlowNameLookupWithinTheConnectTimeoutIsNotAConnectTimeout() throws Exception {
    OkHttpClient slowDns =
        new OkHttpClient.Builder()
            .dns(
                host -> {
                  try {
                    Thread.sleep(400); // A slow resolver, not synchronisation.
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return Collections.singletonList(InetAddress.getByName("127.0.0.1"));
                })
            .build();
    server.enqueue(page(0, 1, null));
    try (BctrlClient resolving =
        TestClients.builder(server, delayer)
            .baseUrl("http://localhost:" + server.getPort() + "/")
            .okHttpClient(slowDns)
            .connectTimeout(Duration.ofSeconds(5))
            .maxRetries(0)
            .build()) {
      assertThat(resolving.runs().listInvocations("r").data()).hasSize(1);
    }
  }

  @Test
  void anHttpsBaseUrlOnAPlainHttpPortSaysToUseHttp() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Thread answerer =
          new Thread(
              () -> {
                try (Socket socket = plain.accept()) {
                  // What a plain HTTP server says to a TLS handshake: not TLS.
                  socket
                      .getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                  // The test is over.
                }
              });
      answerer.setDaemon(true);
      answerer.start();
      try (BctrlClient wrongScheme =
          TestClients.builder(server, delayer)
              .baseUrl("https://127.0.0.1:" + plain.getLocalPort() + "/")
              .maxRetries(0)
              .build()) {
        Throwable failure = catchThrowable(() -> wrongScheme.runs().listInvocations("r"));

        assertThat(failure)
            .isInstanceOf(BctrlConnectionException.class)
            .hasMessageContaining("127.0.0.1:" + plain.getLocalPort())
            .hasMessageContaining("the base URL should start with http://");
      }
    }
  }

  @Test
  void aThreeHundredResponseWithoutLocationIsAnApiErrorNotAPage() {
    server.enqueue(json(300, pageJson(0, 1, null)));

    Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));

    assertThat(failure).isExactlyInstanceOf(BctrlApiException.class);
    assertThat(((BctrlApiException) failure).statusCode()).isEqualTo(300);
    assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
  }

  @Test
  void aStatusAboveFiveHundredNinetyNineIsNeitherAServerErrorNorRetried() {
    server.enqueue(json(600, "{}"));

    Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));

    assertThat(failure)
        .isExactlyInstanceOf(BctrlApiException.class)
        .isNotInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(delayer.waits).isEmpty();
  }

  @Test
  void aServerDelayOfExactlySixtySecondsIsWaitedAndAMillisecondMoreIsNot() {
    server.enqueue(json(503, "{}").setHeader("Retry-After", "60"));
    server.enqueue(page(0, 1, null));
    assertThat(client.runs().listInvocations("r").data()).hasSize(1);
    assertThat(delayer.waits).containsExactly(60_000L);

    server.enqueue(json(503, "{}").setHeader("Retry-After-Ms", "60001"));
    Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));

    assertThat(failure).isInstanceOf(BctrlApiException.class);
    assertThat(((BctrlApiException) failure).attempts()).isEqualTo(1);
    assertThat(delayer.waits).containsExactly(60_000L);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void elapsedTimesAreMeasuredFromTheCallsStart() {
    List<Duration> heard = new ArrayList<>();
    // The server holds its answer 50 ms, a floor under both durations whatever the machine does.
    server.enqueue(page(0, 1, null).setHeadersDelay(50, TimeUnit.MILLISECONDS));
    try (BctrlClient listened =
        TestClients.builder(server, delayer)
            .requestListener(
                new RequestListener() {
                  @Override
                  public void responseReceived(
                      Attempt attempt, int statusCode, Duration took, Optional<String> requestId) {
                    heard.add(took);
                  }
                })
            .build()) {
      long before = System.nanoTime();
      CursorPage<InvocationSummary> page = listened.runs().listInvocations("r");
      Duration wall = Duration.ofNanos(System.nanoTime() - before);

      assertThat(page.response().elapsed()).isBetween(Duration.ofMillis(50), wall);
      assertThat(heard).hasSize(1);
      assertThat(heard.get(0)).isBetween(Duration.ofMillis(50), wall);
    }
  }

  @Test
  void aCallersOwnKeyAndTheClientsKeyAreBothRedactedFromAnError() {
    String tenantKey = "sk-tenant-fedcba9876543210";
    server.enqueue(
        json(
            400,
            "{\"code\":\"bad\",\"error\":\"keys "
                + tenantKey
                + " and "
                + TestClients.API_KEY
                + "\"}"));

    Throwable failure =
        catchThrowable(() -> listWith(RequestOptions.builder().apiKey(tenantKey).build()));

    assertThat(failure).isInstanceOf(BctrlApiException.class);
    String raw = ((BctrlApiException) failure).rawBody();
    assertThat(raw).contains("[redacted]").doesNotContain(tenantKey, TestClients.API_KEY);
    assertThat(failure.getMessage()).doesNotContain(tenantKey, TestClients.API_KEY);
  }

  @Test
  void aNameThatIsOnlyUnreservedCharactersIsSentAsItIsAndEveryOtherByteIsEncoded()
      throws Exception {
    server.enqueue(page(0, 0, null));

    client.runs().listInvocations("azAZ09-._~`{@[/:");

    assertThat(server.takeRequest().getPath())
        .startsWith("/v1/runs/azAZ09-._~%60%7B%40%5B%2F%3A/invocations");
  }

  @Test
  void everyFailureThatEndsACallIsLoggedOnceWithItsDuration() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    SDK_LOGGER.addHandler(capture);
    try (BctrlClient logging =
        TestClients.builder(server, delayer).logLevel(LogLevel.DEBUG).maxRetries(0).build()) {
      server.enqueue(json(404, "{}"));
      catchThrowable(() -> logging.runs().listInvocations("r"));
      server.enqueue(json(200, "not json"));
      catchThrowable(() -> logging.runs().listInvocations("r"));
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return new MockResponse().setResponseCode(302).setHeader("Location", "/again");
            }
          });
      catchThrowable(() -> logging.runs().listInvocations("r"));
    } finally {
      SDK_LOGGER.removeHandler(capture);
    }

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("-> 404 in ");
    assertThat(lines.get(1)).contains("-> 200, undecodable body in ");
    assertThat(lines.get(2)).contains("-> failed: java.net.ProtocolException: Too many");
    for (String line : lines) {
      String millis = line.replaceFirst("(?s).* in (\\d+) ms.*", "$1");
      assertThat(Long.parseLong(millis)).as("took: %s", line).isBetween(0L, 20_000L);
      assertThat(line)
          .contains("(attempt 1 of 1)")
          .contains("request headers: {")
          .doesNotContain("{, ");
    }
  }

  @Test
  void aWaitThatOversleepsTheDeadlineEndsTheCallWithATimeoutCausedByTheLastFailure() {
    server.enqueue(json(503, "{}").setHeader("Retry-After-Ms", "100"));
    server.enqueue(page(0, 1, null));
    delayer.lateByNanos = TimeUnit.SECONDS.toNanos(2);

    Throwable failure =
        catchThrowable(
            () -> listWith(RequestOptions.builder().totalTimeout(Duration.ofSeconds(1)).build()));

    assertThat(failure)
        .isInstanceOf(BctrlTimeoutException.class)
        .hasMessage(
            "GET /v1/runs/r/invocations to "
                + server.getHostName()
                + ":"
                + server.getPort()
                + " reached its total timeout of 1 s")
        .hasCauseInstanceOf(InternalServerException.class);
    assertThat(((BctrlException) failure).attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTotalTimeoutThatWouldEndPastTheClocksRangeMeansNoLimit() {
    server.enqueue(page(0, 1, null));

    CursorPage<InvocationSummary> page =
        listWith(
            RequestOptions.builder().totalTimeout(Duration.ofNanos(Long.MAX_VALUE - 1)).build());

    assertThat(page.data()).hasSize(1);
  }

  @Test
  void aTimeoutUnderAMillisecondIsNamedInMicroseconds() {
    server.enqueue(page(0, 1, null).setHeadersDelay(1, TimeUnit.SECONDS));

    Throwable failure =
        catchThrowable(
            () ->
                listWith(
                    RequestOptions.builder()
                        .timeout(Duration.ofNanos(500_000))
                        .maxRetries(0)
                        .build()));

    assertThat(failure)
        .isInstanceOf(BctrlTimeoutException.class)
        .hasMessageEndingWith("no response within the timeout of 500 us");
  }

  @Test
  void aBodyInAnEncodingTheSdkCannotReadIsADecodeErrorKeepingTheBody() {
    server.enqueue(json(200, "{\"data\":[]}").setHeader("Content-Encoding", "br"));

    Throwable failure = catchThrowable(() -> client.runs().listInvocations("r"));

    assertThat(failure)
        .isInstanceOf(BctrlDecodeException.class)
        .hasMessageContaining("unsupported Content-Encoding br");
    assertThat(((BctrlDecodeException) failure).rawBody()).isEqualTo("{\"data\":[]}");
    assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
  }
}
