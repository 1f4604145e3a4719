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
  void quickstartListsEveryInvocation() throws Exception {
    String out = stdoutOf(Quickstart::main);
    assertThat(out.split("\n")).hasSize(1234);
    assertThat(out).contains("SUCCEEDED");
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
        .contains("wrong API key: check BCTRL_API_KEY: 401 auth.invalid");
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
        ai.bctrl.examples.gateway.DemoDataset.demoRun().stream()
            .filter(i -> i.error().isPresent())
            .count();
    assertThat(stdoutOf(AsyncWalk::main)).isEqualTo(expected + " failed\n");
  }
}
