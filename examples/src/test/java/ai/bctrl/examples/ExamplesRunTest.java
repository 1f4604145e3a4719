package ai.bctrl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every example's main runs against the embedded gateway and prints what it promises. */
class ExamplesRunTest {
  interface Main {
    void run(String[] args) throws Exception;
  }

  /** Runs {@code main} with no arguments and returns what it printed on standard output. */
  static String stdoutOf(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, "UTF-8"));
    try {
      main.run(new String[0]);
    } finally {
      System.setOut(original);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void aFailingExampleRunAsAProgramPrintsTheSdksOneLineAndExitsNonZero() throws Exception {
    try (ai.bctrl.testing.LocalGateway gateway = ai.bctrl.testing.LocalGateway.start()) {
      // What ./examples/run runs once Maven has built the classpath.
      JavaProgram program =
          JavaProgram.run(
              gateway.baseUrl(), "wrong", ExampleSupport.class.getName(), "RunReport", "demo-run");
      String text = program.output;

      assertThat(program.exitValue).as(text).isEqualTo(1);
      assertThat(text)
          .isEqualTo(
              "RunReport failed: GET /v1/runs/demo-run/invocations: 401 auth.invalid:"
                  + " Authentication required: the API key is missing or invalid."
                  + " (request req_local_1)\n");
    }
  }

  @Test
  void aFailureThatIsNotTheSdksKeepsItsType() {
    assertThat(ExampleSupport.describe(new IllegalStateException("boom")))
        .isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(ExampleSupport.describe(new ai.bctrl.errors.BctrlException("closed")))
        .isEqualTo("closed");
  }

  @Test
  void quickstartListsEveryInvocation() throws Exception {
    String out = stdoutOf(Quickstart::main);
    assertThat(out.split("\n")).hasSize(1234);
    assertThat(out).contains("SUCCEEDED");
  }

  @Test
  void writeModelsPrintsEachInvocationAsTheApisJson() throws Exception {
    String out = stdoutOf(WriteModels::main);
    assertThat(out.split("\n")).hasSize(3);
    for (String line : out.split("\n")) {
      assertThat(line).startsWith("{\"action\":").contains("\"createdAt\":\"20");
    }
  }

  @Test
  void filterFailuresListsOnlyFailures() throws Exception {
    String out = stdoutOf(FilterFailures::main);
    assertThat(out).isNotEmpty().doesNotContain("SUCCEEDED");
    for (String line : out.split("\n")) {
      assertThat(line).containsAnyOf("FAILED", "TIMED_OUT");
    }
  }

  @Test
  void pageByPageSavesAndResumes() throws Exception {
    String out = stdoutOf(PageByPage::main);
    assertThat(out)
        .contains("page 1: 100 invocations")
        .contains("page 3: 100 invocations")
        .contains("saved cursor: ")
        .contains("resumed: 934 more")
        .contains("first 5 ids: [")
        .contains("prefetched walk: 1234 invocations");
  }

  @Test
  void errorHandlingNamesEachFailure() throws Exception {
    String out = stdoutOf(ErrorHandling::main);
    assertThat(out)
        .contains("unknown run:   no such run (run.not_found, request req_local_")
        .contains(
            "wrong API key: check BCTRL_API_KEY: GET /v1/runs/demo-run/invocations: 401 auth.invalid");
  }

  @Test
  void configurationBuildsAndPerCallOptionsWork() throws Exception {
    String out = stdoutOf(Configuration::main);
    assertThat(out)
        .contains("BctrlClient{baseUrl=http://localhost:8787/, timeout=PT30S, maxRetries=2")
        .contains("100 on page 1")
        .doesNotContain("bk_live_");
  }

  @Test
  void asyncWalkCountsFailures() throws Exception {
    long expected =
        ai.bctrl.testing.DemoDataset.demoRun().stream().filter(i -> i.error().isPresent()).count();
    assertThat(stdoutOf(AsyncWalk::main)).isEqualTo(expected + " failed\n");
  }

  @Test
  void listenerMetricsCountsEveryResponse() throws Exception {
    String out = stdoutOf(ListenerMetrics::main);
    // The demo run's 1,234 invocations come in 25 pages of 50.
    assertThat(out).contains("1234 invocations").contains("responses by status {200=25}");
    assertThat(out).containsPattern("latency p50 \\d+ ms, p95 \\d+ ms, p99 \\d+ ms");
  }

  @Test
  void responseDetailsShowEachPagesMetadata() throws Exception {
    String out = stdoutOf(ResponseDetails::main);
    assertThat(out).containsPattern("req_local_\\S*: 50 invocations, 1 attempt\\(s\\), \\d+ ms");
    assertThat(out).contains("1234 invocations within 30 s");
  }

  @Test
  void aPerCallKeyReplacesTheClients() throws Exception {
    try (ai.bctrl.testing.LocalGateway gateway = ai.bctrl.testing.LocalGateway.start();
        ai.bctrl.BctrlClient wrongKey =
            ai.bctrl.BctrlClient.builder()
                .baseUrl(gateway.baseUrl())
                .apiKey("not-the-key")
                .build()) {
      assertThat(ResponseDetails.forTenant(wrongKey, "demo-run", gateway.apiKey())).isEqualTo(1234);
    }
  }

  @Test
  void micrometerListenerRecordsATimerPerStatus() throws Exception {
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    try (ai.bctrl.testing.LocalGateway gateway = ai.bctrl.testing.LocalGateway.start();
        ai.bctrl.BctrlClient client =
            ai.bctrl.BctrlClient.builder()
                .baseUrl(gateway.baseUrl())
                .apiKey(gateway.apiKey())
                .requestListener(new MicrometerListener(registry))
                .build()) {
      assertThat(client.runs().listInvocations("demo-run").stream().count()).isEqualTo(1234);
    }
    io.micrometer.core.instrument.Timer timer =
        registry
            .get("bctrl.requests")
            .tag("status", "200")
            .tag("path", "/v1/runs/{runId}/invocations")
            .timer();
    assertThat(timer.count()).isEqualTo(25);
  }
}
