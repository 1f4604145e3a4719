package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.testing.LocalGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A local gateway on a free loopback port and a client aimed at it, fresh for every test. */
abstract class GatewayTest {
  protected LocalGateway gateway;
  protected BctrlClient client;

  @BeforeEach
  void startGatewayAndClient() throws Exception {
    gateway = LocalGateway.start();
    client = BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build();
  }

  @AfterEach
  void stopGatewayAndClient() {
    client.close();
    gateway.close();
  }
}
