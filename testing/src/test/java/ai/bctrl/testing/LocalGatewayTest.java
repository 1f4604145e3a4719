package ai.bctrl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.runs.ListInvocationsParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LocalGatewayTest extends GatewayTest {

  static Stream<Arguments> walks() {
    return Stream.of(
        Arguments.of(
            1, EnumSet.noneOf(InvocationStatus.class), EnumSet.noneOf(InvocationAction.class)),
        Arguments.of(
            7, EnumSet.noneOf(InvocationStatus.class), EnumSet.noneOf(InvocationAction.class)),
        Arguments.of(
            50, EnumSet.of(InvocationStatus.FAILED), EnumSet.noneOf(InvocationAction.class)),
        Arguments.of(
            13,
            EnumSet.of(InvocationStatus.FAILED, InvocationStatus.TIMED_OUT),
            EnumSet.of(InvocationAction.ACT, InvocationAction.SOLVE_CAPTCHA)),
        Arguments.of(
            500, EnumSet.noneOf(InvocationStatus.class), EnumSet.of(InvocationAction.EXTRACT)),
        Arguments.of(
            3, EnumSet.of(InvocationStatus.QUEUED), EnumSet.noneOf(InvocationAction.class)));
  }

  @ParameterizedTest
  @MethodSource("walks")
  void paginationCoversEveryMatchingItemOnceInOrder(
      int limit, Set<InvocationStatus> statuses, Set<InvocationAction> actions) {
    List<String> expected =
        DemoDataset.demoRun().stream()
            .filter(i -> statuses.isEmpty() || statuses.contains(i.status()))
            .filter(i -> actions.isEmpty() || actions.contains(i.action()))
            .map(InvocationSummary::id)
            .collect(Collectors.toList());
    ListInvocationsParams params =
        ListInvocationsParams.builder().limit(limit).status(statuses).action(actions).build();

    List<String> walked = new ArrayList<>();
    int pages = 0;
    for (ai.bctrl.pagination.CursorPage<InvocationSummary> page :
        client.runs().listInvocations(DemoDataset.DEMO_RUN_ID, params).pages()) {
      assertThat(page.data().size()).isLessThanOrEqualTo(limit);
      page.data().forEach(i -> walked.add(i.id()));
      pages++;
    }

    assertThat(expected).isNotEmpty();
    assertThat(walked).isEqualTo(expected);
    assertThat(new HashSet<>(walked)).hasSameSizeAs(walked);
    assertThat(pages).isEqualTo(Math.max(1, (expected.size() + limit - 1) / limit));
  }

  @Test
  void theDemoRunHasEveryActionAndStatus() {
    Set<InvocationAction> actions = EnumSet.noneOf(InvocationAction.class);
    Set<InvocationStatus> statuses = EnumSet.noneOf(InvocationStatus.class);
    for (InvocationSummary invocation : DemoDataset.demoRun()) {
      actions.add(invocation.action());
      statuses.add(invocation.status());
    }
    assertThat(actions).hasSize(6);
    assertThat(statuses).hasSize(8);
    assertThat(DemoDataset.demoRun()).isEqualTo(DemoDataset.demoRun());
  }

  @Test
  void addedRunsAreServed() {
    gateway.addRun("mine", DemoDataset.generate("mine", 3, 9L));
    assertThat(client.runs().listInvocations("mine").stream().count()).isEqualTo(3);
  }

  /** Raw HTTP, so that the body's shape is checked as any client would see it. */
  private JsonNode errorBody(String pathAndQuery, String authorization, int expectedStatus)
      throws Exception {
    HttpURLConnection connection =
        (HttpURLConnection) new URL(gateway.baseUrl() + pathAndQuery).openConnection();
    if (authorization != null) {
      connection.setRequestProperty("Authorization", authorization);
    }
    assertThat(connection.getResponseCode()).isEqualTo(expectedStatus);
    try (InputStream in = connection.getErrorStream()) {
      JsonNode body = new ObjectMapper().readTree(in);
      assertThat(body.path("code").isTextual()).as("code").isTrue();
      assertThat(body.path("error").isTextual()).as("error").isTrue();
      assertThat(body.path("requestId").asText()).startsWith("req_");
      assertThat(connection.getHeaderField("X-Request-Id"))
          .isEqualTo(body.path("requestId").asText());
      assertThat(
              Arrays.asList(
                  "invalid_input",
                  "unauthorized",
                  "capability_denied",
                  "capability_limit_exceeded",
                  "rate_limited",
                  "not_found",
                  "conflict",
                  "upstream",
                  "server"))
          .contains(body.path("reasonClass").asText());
      return body;
    }
  }

  @Test
  void errorsUseTheSpecShape() throws Exception {
    String bearer = "Bearer " + gateway.apiKey();
    String list = "/v1/runs/demo-run/invocations";
    assertThat(errorBody(list, null, 401).path("code").asText()).isEqualTo("auth.missing");
    assertThat(errorBody(list, "Bearer wrong", 401).path("code").asText())
        .isEqualTo("auth.invalid");
    JsonNode notFound = errorBody("/v1/runs/nope/invocations", bearer, 404);
    assertThat(notFound.path("code").asText()).isEqualTo("run.not_found");
    assertThat(notFound.path("details").path("runId").asText()).isEqualTo("nope");
    for (String query :
        new String[] {
          "?limit=0",
          "?limit=abc",
          "?cursor=%25%25",
          "?cursor=Zm9v",
          "?status=paused",
          "?action=fly"
        }) {
      assertThat(errorBody(list + query, bearer, 400).path("code").asText())
          .as(query)
          .isEqualTo("request.invalid");
    }
  }

  @Test
  void aCursorFromOtherFiltersIsRefused() throws Exception {
    String cursor =
        client
            .runs()
            .listInvocations(
                DemoDataset.DEMO_RUN_ID, ListInvocationsParams.builder().limit(5).build())
            .nextCursor()
            .get();
    errorBody(
        "/v1/runs/demo-run/invocations?status=failed&cursor=" + cursor,
        "Bearer " + gateway.apiKey(),
        400);
  }

  @Test
  void faultInjectionIsRiddenOutByTheSdksRetries() throws Exception {
    try (LocalGateway flaky = LocalGateway.start(0, "k", 0.3, 42L);
        BctrlClient retrying =
            BctrlClient.builder().baseUrl(flaky.baseUrl()).apiKey("k").maxRetries(6).build()) {
      List<String> ids =
          retrying.runs().listInvocations(DemoDataset.DEMO_RUN_ID).stream()
              .map(InvocationSummary::id)
              .collect(Collectors.toList());
      assertThat(ids)
          .isEqualTo(
              DemoDataset.demoRun().stream()
                  .map(InvocationSummary::id)
                  .collect(Collectors.toList()));
    }
  }

  @Test
  void theBearerSchemeIsCaseInsensitiveAndA401SaysHowToAuthenticate() throws Exception {
    HttpURLConnection lower =
        (HttpURLConnection)
            new URL(gateway.baseUrl() + "/v1/runs/demo-run/invocations?limit=1").openConnection();
    lower.setRequestProperty("Authorization", "bearer " + gateway.apiKey());
    assertThat(lower.getResponseCode()).isEqualTo(200);

    HttpURLConnection none =
        (HttpURLConnection)
            new URL(gateway.baseUrl() + "/v1/runs/demo-run/invocations").openConnection();
    assertThat(none.getResponseCode()).isEqualTo(401);
    assertThat(none.getHeaderField("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aForgedCursorIsABadRequestNeverAServerError() throws Exception {
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("v1:-5:|".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    JsonNode body =
        errorBody(
            "/v1/runs/demo-run/invocations?cursor=" + forged, "Bearer " + gateway.apiKey(), 400);
    assertThat(body.path("code").asText()).isEqualTo("request.invalid");
    assertThat(body.toString()).doesNotContain("Exception");
  }

  @Test
  void otherMethodsAre405() throws Exception {
    HttpURLConnection post =
        (HttpURLConnection)
            new URL(gateway.baseUrl() + "/v1/runs/demo-run/invocations").openConnection();
    post.setRequestMethod("POST");
    post.setRequestProperty("Authorization", "Bearer " + gateway.apiKey());
    assertThat(post.getResponseCode()).isEqualTo(405);
    assertThat(post.getHeaderField("Allow")).isEqualTo("GET");
    assertThat(post.getHeaderField("X-Request-Id")).startsWith("req_local_");
  }

  @Test
  void aSeededGatewayWithAFaultPlanRecordsWhatItReceived() throws Exception {
    try (LocalGateway seeded =
            LocalGateway.builder()
                .apiKey("k-1")
                .run("r", DemoDataset.generate("r", 3, 1L))
                .maxLimit(2)
                .failRequest(2, Fault.status(503).retryAfter("0"))
                .start();
        BctrlClient retrying =
            BctrlClient.builder().baseUrl(seeded.baseUrl()).apiKey("k-1").build()) {
      List<InvocationSummary> all = new ArrayList<>();
      retrying
          .runs()
          .listInvocations("r", ListInvocationsParams.builder().limit(2).build())
          .forEach(all::add);

      assertThat(all).hasSize(3);
      List<ReceivedRequest> requests = seeded.requests();
      assertThat(requests).hasSize(3);
      assertThat(requests.get(0).queryParameter("cursor")).isEmpty();
      assertThat(requests.get(1).queryParameter("cursor")).isPresent();
      assertThat(requests.get(2).queryParameter("cursor"))
          .isEqualTo(requests.get(1).queryParameter("cursor"));
      assertThat(requests.get(2).header("x-bctrl-retry-count")).contains("1");
      assertThat(requests.get(0).path()).isEqualTo("/v1/runs/r/invocations");
      assertThat(seeded.run("r")).hasSize(3);
      assertThat(gatewayHasNoDemoRun(seeded)).isTrue();
    }
  }

  private static boolean gatewayHasNoDemoRun(LocalGateway gateway) {
    return gateway.run(DemoDataset.DEMO_RUN_ID) == null;
  }

  @Test
  void aLimitAboveTheMaximumIsRefused() throws Exception {
    try (LocalGateway small = LocalGateway.builder().demoRun().maxLimit(10).start()) {
      HttpURLConnection big =
          (HttpURLConnection)
              new URL(small.baseUrl() + "/v1/runs/demo-run/invocations?limit=11").openConnection();
      big.setRequestProperty("Authorization", "Bearer " + small.apiKey());
      assertThat(big.getResponseCode()).isEqualTo(400);
    }
  }

  @Test
  void droppedConnectionsAndDelaysAreServedAsPlanned() throws Exception {
    try (LocalGateway faulty =
            LocalGateway.builder()
                .demoRun()
                .failRequest(1, Fault.dropConnection())
                .failRequest(2, Fault.delay(java.time.Duration.ofMillis(50)))
                .start();
        BctrlClient retrying =
            BctrlClient.builder().baseUrl(faulty.baseUrl()).apiKey(faulty.apiKey()).build()) {
      assertThat(retrying.runs().listInvocations("demo-run").data()).hasSize(50);
      assertThat(faulty.requests()).hasSize(2);
    }
  }
}
