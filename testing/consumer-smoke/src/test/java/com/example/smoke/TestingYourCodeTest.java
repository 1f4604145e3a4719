package com.example.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.BctrlClient;
import ai.bctrl.testing.LocalGateway;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What a user's project gets from the SDK and the test kit in each dependency setup. The README's
 * own test is {@code com.example.FailedInvocationsTest}.
 */
class TestingYourCodeTest {

  @Test
  void walksTheDemoRun() throws Exception {
    try (LocalGateway gateway = LocalGateway.start();
        BctrlClient client =
            BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build()) {
      assertThat(client.runs().listInvocations("demo-run").stream().count()).isEqualTo(1234);
    }
  }

  @Test
  void oneOkHttpIsOnTheClasspath() throws Exception {
    List<String> withOkHttpClient = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(entry)) {
          if (jar.getEntry("okhttp3/OkHttpClient.class") != null) {
            withOkHttpClient.add(new File(entry).getName());
          }
        }
      }
    }
    // Printed so that CI shows which OkHttp and Jackson each setup runs.
    System.out.println(
        "OkHttp from "
            + withOkHttpClient
            + ", Jackson "
            + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
    assertThat(withOkHttpClient).hasSize(1);
  }
}
