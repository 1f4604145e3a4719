package ai.bctrl.errors;

import static ai.bctrl.Fixtures.error;
import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.bctrl.BctrlClient;
import ai.bctrl.MockServerTest;
import ai.bctrl.models.ReasonClass;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest extends MockServerTest {
  @Override
  protected BctrlClient.Builder configure(BctrlClient.Builder builder) {
    // No retries: each test sees the first response's exception.
    return builder.maxRetries(0);
  }

  private BctrlException failureOf(MockResponse response) {
    server.enqueue(response);
    return catchThrowableOfType(BctrlException.class, () -> client.runs().listInvocations("run-1"));
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(502, InternalServerException.class),
        Arguments.of(503, InternalServerException.class),
        Arguments.of(418, BctrlApiException.class),
        Arguments.of(408, BctrlApiException.class));
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void eachStatusGivesItsException(int status, Class<? extends BctrlApiException> type) {
    BctrlException failure = failureOf(error(status, "run.not_found", "Run not found", "req_1"));

    assertThat(failure).isExactlyInstanceOf(type);
    BctrlApiException api = (BctrlApiException) failure;
    assertThat(api.statusCode()).isEqualTo(status);
    assertThat(api.code()).contains("run.not_found");
    assertThat(api.requestId()).contains("req_1");
  }

  @Test
  void apiErrorKeepsEveryFieldOfTheBody() {
    NotFoundException failure =
        (NotFoundException)
            failureOf(
                error(404, "run.not_found", "Run run-1 not found", "req_42")
                    .addHeader("X-Custom", "v"));

    assertThat(failure.code()).contains("run.not_found");
    assertThat(failure.reasonClass()).isEqualTo(ReasonClass.NOT_FOUND);
    assertThat(failure.hint()).contains("check the run id");
    assertThat(failure.errorResponse().get().error()).isEqualTo("Run run-1 not found");
    assertThat(failure.errorResponse().get().details()).containsEntry("runId", "r1");
    assertThat(failure.rawBody()).contains("\"code\":\"run.not_found\"");
    assertThat(failure.headers().get("x-custom")).containsExactly("v");
    assertThat(failure.attempts()).isEqualTo(1);
    assertThat(failure.getMessage())
        .isEqualTo(
            "GET /v1/runs/run-1/invocations: 404 run.not_found: Run run-1 not found (request req_42)");
  }

  @Test
  void htmlErrorPageStillGivesTheStatusExceptionWithTheRawBody() {
    String html = "<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>";
    BctrlException failure =
        failureOf(
            new MockResponse()
                .setResponseCode(502)
                .setHeader("Content-Type", "text/html")
                .setHeader("X-Request-Id", "edge-7")
                .setBody(html));

    assertThat(failure).isExactlyInstanceOf(InternalServerException.class);
    InternalServerException api = (InternalServerException) failure;
    assertThat(api.rawBody()).isEqualTo(html);
    assertThat(api.errorResponse()).isEmpty();
    assertThat(api.code()).isEmpty();
    assertThat(api.reasonClass()).isEqualTo(ReasonClass.UNKNOWN);
    assertThat(api.requestId()).contains("edge-7");
    assertThat(api.getMessage())
        .isEqualTo(
            "GET /v1/runs/run-1/invocations: 502: <html><body><h1>502 Bad Gateway</h1> <p>nginx</p></body></html> (request edge-7)")
        .doesNotContain("\n");
  }

  @Test
  void emptyErrorBodyStillGivesTheStatusException() {
    BctrlException failure = failureOf(new MockResponse().setResponseCode(401));

    assertThat(failure).isExactlyInstanceOf(AuthenticationException.class);
    assertThat(((BctrlApiException) failure).rawBody()).isEmpty();
    assertThat(failure.getMessage()).isEqualTo("GET /v1/runs/run-1/invocations: 401: (empty body)");
  }

  @Test
  void jsonErrorOfAnotherShapeIsKeptRaw() {
    BctrlException failure = failureOf(json(403, "{\"message\":\"nope\"}"));

    assertThat(failure).isExactlyInstanceOf(PermissionDeniedException.class);
    assertThat(((BctrlApiException) failure).errorResponse()).isEmpty();
    assertThat(((BctrlApiException) failure).rawBody()).isEqualTo("{\"message\":\"nope\"}");
  }

  @Test
  void unknownReasonClassIsUnknownButKept() {
    BctrlException failure =
        failureOf(json(400, "{\"code\":\"x\",\"error\":\"y\",\"reasonClass\":\"cosmic_ray\"}"));

    BctrlApiException api = (BctrlApiException) failure;
    assertThat(api.reasonClass()).isEqualTo(ReasonClass.UNKNOWN);
    assertThat(api.errorResponse().get().reasonClassValue()).contains("cosmic_ray");
    assertThat(api.requestId()).isEmpty();
  }

  @Test
  void fieldsOfTheErrorBodyThisVersionDoesNotKnowAreKept() {
    BctrlException failure =
        failureOf(
            json(
                404,
                "{\"code\":\"run.not_found\",\"error\":\"no run\","
                    + "\"retryable\":false,\"docs\":{\"url\":\"https://x\"}}"));

    ai.bctrl.models.ErrorResponse body = ((BctrlApiException) failure).errorResponse().get();
    assertThat(body.additionalProperties()).containsOnlyKeys("retryable", "docs");
    assertThat(body.additionalProperties().get("retryable")).isEqualTo(false);
    assertThat(body.toBuilder().build()).isEqualTo(body).hasSameHashCodeAs(body);
  }
}
