package ai.bctrl;

import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A MockWebServer on loopback and a client aimed at it, fresh for every test. Subclasses adjust the
 * client in {@link #configure}.
 */
public abstract class MockServerTest {
  protected MockWebServer server;
  protected TestClients.RecordingDelayer delayer;
  protected BctrlClient client;

  /** Adjusts the client every test of the class uses; the default changes nothing. */
  protected BctrlClient.Builder configure(BctrlClient.Builder builder) {
    return builder;
  }

  @BeforeEach
  void startServerAndClient() throws Exception {
    server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.start();
    delayer = new TestClients.RecordingDelayer();
    client = configure(TestClients.builder(server, delayer)).build();
  }

  /** Lists the invocations of run "r" with {@code options} and no params. */
  protected CursorPage<InvocationSummary> listWith(RequestOptions options) {
    return client.runs().listInvocations("r", ListInvocationsParams.none(), options);
  }

  @AfterEach
  void stopServerAndClient() throws Exception {
    client.close();
    server.shutdown();
  }
}
