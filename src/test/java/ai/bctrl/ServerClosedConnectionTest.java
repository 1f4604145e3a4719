package ai.bctrl;

import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A healthy server closes idle keep-alive connections: a request on one that ends before any byte
 * of the response is sent again on a fresh connection at once, never failing the call, never
 * counted, never waited for. A failure the server causes otherwise is the call's.
 */
@Timeout(30)
class ServerClosedConnectionTest extends MockServerTest {

  /** Serves {@link #server} over TLS and returns a client that trusts it. */
  private BctrlClient overTls() throws Exception {
    HeldCertificate localhost =
        new HeldCertificate.Builder()
            .addSubjectAlternativeName(InetAddress.getByName("localhost").getCanonicalHostName())
            .addSubjectAlternativeName("localhost")
            .build();
    HandshakeCertificates serverCertificates =
        new HandshakeCertificates.Builder().heldCertificate(localhost).build();
    server.useHttps(serverCertificates.sslSocketFactory(), false);
    HandshakeCertificates clientCertificates =
        new HandshakeCertificates.Builder().addTrustedCertificate(localhost.certificate()).build();
    OkHttpClient trusting =
        new OkHttpClient.Builder()
            .sslSocketFactory(
                clientCertificates.sslSocketFactory(), clientCertificates.trustManager())
            .build();
    return TestClients.builder(server, delayer)
        .baseUrl(server.url("/").toString())
        .okHttpClient(trusting)
        .maxRetries(0)
        .build();
  }

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void aReusedConnectionClosedAsTheRequestIsWrittenIsRetriedUncounted(boolean tls)
      throws Exception {
    try (BctrlClient noRetries =
        tls ? overTls() : TestClients.builder(server, delayer).maxRetries(0).build()) {
      server.enqueue(page(0, 1, null));
      // The server reads the next request on the pooled connection and closes it unanswered.
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
      server.enqueue(page(1, 1, null));

      noRetries.runs().listInvocations("r");
      CursorPage<InvocationSummary> second = noRetries.runs().listInvocations("r");

      assertThat(second.data().get(0).id()).isEqualTo(Fixtures.invocationId(1));
      assertThat(second.response().attempts()).isEqualTo(1);
      assertThat(delayer.waits).as("no backoff").isEmpty();
      assertThat(server.getRequestCount()).isEqualTo(3);
      server.takeRequest();
      assertThat(server.takeRequest().getSequenceNumber()).as("on the pooled connection").isOne();
      assertThat(server.takeRequest().getSequenceNumber()).as("on a fresh one").isZero();
    }
  }

  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void aConnectionTheServerClosedAfterItsResponseIsReplacedUnseen(boolean tls) throws Exception {
    try (BctrlClient noRetries =
        tls ? overTls() : TestClients.builder(server, delayer).maxRetries(0).build()) {
      // Each connection closed once answered, as a server at its idle timeout does; the client
      // pools it. Run rN's page is item N, whichever request asks: a GET sent again by OkHttp
      // gets the same answer, as from a real server.
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              int run =
                  Integer.parseInt(request.getRequestUrl().pathSegments().get(2).substring(1));
              return page(run, 1, null).setSocketPolicy(SocketPolicy.DISCONNECT_AT_END);
            }
          });
      for (int call = 0; call < 20; call++) {
        CursorPage<InvocationSummary> page = noRetries.runs().listInvocations("r" + call);
        assertThat(page.data().get(0).id()).isEqualTo(Fixtures.invocationId(call));
        assertThat(page.response().attempts()).isEqualTo(1);
      }
      assertThat(delayer.waits).isEmpty();
    }
  }

  @Test
  void aServerWithAShortIdleTimeoutNeverFailsACall() throws Exception {
    try (IdleClosingServer idle = new IdleClosingServer(50);
        BctrlClient noRetries =
            TestClients.builder(server, delayer).baseUrl(idle.baseUrl()).maxRetries(0).build()) {
      for (int call = 0; call < 50; call++) {
        CursorPage<InvocationSummary> page = noRetries.runs().listInvocations("r");
        assertThat(page.data()).hasSize(1);
        assertThat(page.response().attempts()).isEqualTo(1);
        // The connection of the call has ended: the server closed the one the pool still holds,
        // or the client closed the one a re-send used (the re-send client's pool is emptied after
        // each re-send).
        assertThat(idle.connectionsEnded.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(idle.requests).hasValue(50);
      assertThat(idle.idleClosed.availablePermits())
          .as("calls that met a pooled connection the server had closed")
          .isGreaterThanOrEqualTo(25);
      assertThat(delayer.waits).as("no backoff").isEmpty();
    }
  }

  @Test
  void aFreshConnectionThatFailsIsTheCallsFailureAndCounted() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(page(0, 1, null));

    Throwable failure =
        catchThrowable(
            () ->
                client
                    .runs()
                    .listInvocations(
                        "r",
                        ai.bctrl.runs.ListInvocationsParams.none(),
                        RequestOptions.builder().maxRetries(0).build()));

    assertThat(failure).isInstanceOf(BctrlConnectionException.class);
    assertThat(((BctrlException) failure).attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
