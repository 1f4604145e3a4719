package ai.bctrl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.runs.ListInvocationsParams;
import ai.bctrl.testing.DemoDataset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's figures, checked against counts made straight from the gateway's dataset. */
class RunReportTest extends GatewayTest {

  private JsonNode reportJson(ListInvocationsParams params) throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    RunReport.Report report =
        RunReport.walk(
            client, DemoDataset.DEMO_RUN_ID, params, new PrintStream(progress, true, "UTF-8"));
    assertThat(progress.toString("UTF-8")).contains("fetched 25 pages, 1234 invocations");
    return new ObjectMapper().readTree(report.toJson());
  }

  @Test
  void totalsMatchTheDataset() throws Exception {
    List<InvocationSummary> dataset = DemoDataset.demoRun();

    JsonNode report = reportJson(ListInvocationsParams.none());

    assertThat(report.path("total").asInt()).isEqualTo(dataset.size()).isEqualTo(1234);
    assertThat(report.path("pages").asInt()).isEqualTo(25);
    Map<String, Integer> expectedCells = new HashMap<>();
    Map<String, Integer> expectedCodes = new HashMap<>();
    List<Long> durations = new ArrayList<>();
    for (InvocationSummary invocation : dataset) {
      expectedCells.merge(
          invocation.statusValue() + "/" + invocation.actionValue(), 1, Integer::sum);
      invocation.error().ifPresent(e -> expectedCodes.merge(e.code().get(), 1, Integer::sum));
      invocation.durationMs().ifPresent(durations::add);
    }
    Map<String, Integer> reportedCells = new HashMap<>();
    report
        .path("byStatusAndAction")
        .fields()
        .forEachRemaining(
            status ->
                status
                    .getValue()
                    .fields()
                    .forEachRemaining(
                        action ->
                            reportedCells.put(
                                status.getKey() + "/" + action.getKey(),
                                action.getValue().asInt())));
    assertThat(reportedCells).isEqualTo(expectedCells);
    Map<String, Integer> reportedCodes = new HashMap<>();
    report
        .path("errorCodes")
        .fields()
        .forEachRemaining(e -> reportedCodes.put(e.getKey(), e.getValue().asInt()));
    assertThat(reportedCodes).isEqualTo(expectedCodes);
    Collections.sort(durations);
    assertThat(report.path("durationMs").path("max").asLong())
        .isEqualTo(durations.get(durations.size() - 1));
    assertThat(report.path("durationMs").path("finished").asInt()).isEqualTo(durations.size());
    assertThat(report.path("durationMs").path("p50").asLong())
        .isEqualTo(durations.get((int) Math.ceil(durations.size() * 0.5) - 1));
    assertThat(report.path("slowest").get(0).path("durationMs").asLong())
        .isEqualTo(durations.get(durations.size() - 1));
  }

  @Test
  void statusFilterReportsOnlyThoseInvocations() throws Exception {
    long failed =
        DemoDataset.demoRun().stream().filter(i -> i.status() == InvocationStatus.FAILED).count();
    ByteArrayOutputStream ignored = new ByteArrayOutputStream();

    RunReport.Report report =
        RunReport.walk(
            client,
            DemoDataset.DEMO_RUN_ID,
            ListInvocationsParams.builder().status(InvocationStatus.FAILED).build(),
            new PrintStream(ignored, true, "UTF-8"));

    assertThat(report.total).isEqualTo(failed);
    assertThat(report.byStatusAndAction.keySet()).containsExactly("failed");
  }

  @Test
  void mainPrintsTheReportAgainstTheEmbeddedGateway() throws Exception {
    String text = ExamplesRunTest.stdoutOf(RunReport::main);
    assertThat(text)
        .contains("Run demo-run: 1234 invocations in 25 pages")
        .contains("duration ms: p50")
        .contains("invocation.timeout")
        .contains("slowest invocations:");
  }
}
