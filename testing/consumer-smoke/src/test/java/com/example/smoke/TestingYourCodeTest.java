package com.example.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.testing.Fault;
import ai.bctrl.testing.LocalGateway;
import ai.bctrl.testing.ReceivedRequest;
import java.io.File;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** A user's own test, as the README's "Testing your code" section shows it. */
class TestingYourCodeTest {

  /** The user's code under test: counts a run's failed invocations. */
  static long countFailed(BctrlClient client, String runId) {
    long failed = 0;
    for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
      if (invocation.status() == InvocationStatus.FAILED) {
        failed++;
      }
    }
    return failed;
  }

  static InvocationSummary invocation(String id, InvocationStatus status) {
    return InvocationSummary.builder()
        .id(id)
        .runId("run-1")
        .runtimeId("rt-1")
        .actionValue("act")
        .status(status)
        .createdAt(OffsetDateTime.parse("2024-06-10T15:22:30Z"))
        .build();
  }

  @Test
  void countsFailedInvocationsAndRidesOutA503() throws Exception {
    // README: testing your code
    List<InvocationSummary> invocations = new ArrayList<>();
    invocations.add(invocation("i1", InvocationStatus.SUCCEEDED));
    invocations.add(invocation("i2", InvocationStatus.FAILED));
    invocations.add(invocation("i3", InvocationStatus.FAILED));
    // Pages of 2, so that the walk takes two pages; the second request is answered 503.
    try (LocalGateway gateway =
            LocalGateway.builder()
                .run("run-1", invocations)
                .pageSize(2)
                .failRequest(2, Fault.status(503).retryAfter("0"))
                .start();
        BctrlClient client =
            BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build()) {
      long failed = countFailed(client, "run-1");

      assertThat(failed).isEqualTo(2);
      List<ReceivedRequest> requests = gateway.requests();
      assertThat(requests).hasSize(3); // page 1, page 2 answered 503, page 2 again
      assertThat(requests.get(1).queryParameter("cursor"))
          .isEqualTo(requests.get(2).queryParameter("cursor"));
      assertThat(requests.get(2).header("X-Bctrl-Retry-Count")).contains("1");
    }
    // README: end
  }

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
