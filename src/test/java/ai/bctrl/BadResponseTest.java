package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 2xx body that is not the schema gives a typed, readable exception that keeps the body. */
class BadResponseTest extends MockServerTest {

  private BctrlDecodeException decodeFailure(MockResponse response) {
    server.enqueue(response.setHeader("X-Request-Id", "req_bad"));
    BctrlDecodeException failure =
        catchThrowableOfType(BctrlDecodeException.class, () -> client.runs().listInvocations("r"));
    assertThat(failure).as("a BctrlDecodeException").isNotNull();
    assertThat(server.getRequestCount()).as("decode failures are not retried").isEqualTo(1);
    assertThat(failure.statusCode()).isEqualTo(200);
    assertThat(failure.requestId()).contains("req_bad");
    assertThat(failure.getMessage()).contains("(request req_bad)").doesNotContain("\n");
    return failure;
  }

  @Test
  void emptyBody() {
    BctrlDecodeException failure = decodeFailure(json(200, ""));
    assertThat(failure.getMessage())
        .contains("response body: expected an object, got end of input");
    assertThat(failure.rawBody()).isEmpty();
  }

  @Test
  void truncatedJson() {
    String body = Fixtures.pageJson(0, 3, "c").substring(0, 300);
    BctrlDecodeException failure = decodeFailure(json(200, body));
    assertThat(failure.getMessage()).contains("invalid JSON");
    assertThat(failure.rawBody()).isEqualTo(body);
  }

  @Test
  void dataIsAnObject() {
    BctrlDecodeException failure =
        decodeFailure(json(200, "{\"data\":{\"id\":\"x\"},\"nextCursor\":null}"));
    assertThat(failure.getMessage()).contains("data: expected an array, got an object");
  }

  @Test
  void dataIsNull() {
    BctrlDecodeException failure = decodeFailure(json(200, "{\"data\":null,\"nextCursor\":null}"));
    assertThat(failure.getMessage()).contains("data: expected an array, got null");
  }

  @Test
  void htmlPageWithStatus200() {
    String html = "<!doctype html><html><body>Please log in</body></html>";
    BctrlDecodeException failure =
        decodeFailure(new MockResponse().setHeader("Content-Type", "text/html").setBody(html));
    assertThat(failure.getMessage()).contains("invalid JSON").contains("'<'");
    assertThat(failure.rawBody()).isEqualTo(html);
  }

  @Test
  void fieldOfTheWrongTypeIsNamedByItsPath() {
    String body =
        Fixtures.pageJson(0, 3, null).replaceFirst("\"durationMs\":101", "\"durationMs\":\"slow\"");
    BctrlDecodeException failure = decodeFailure(json(200, body));
    assertThat(failure.getMessage())
        .contains("data[1].durationMs: expected an integer, got a string");
  }

  @ParameterizedTest
  @CsvSource({
    "'\"id\":\"00000000-0000-4000-8000-000000000000\"', '\"id\":7', 'id: expected a string, got a number'",
    "'\"runId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"', '\"runId\":null', 'runId: expected a string, got null'",
    "'\"runtimeId\":\"1c6b147a-8f3a-4d2a-9f3e-2a1b5c4d7e8f\"', '\"runtimeId\":[]', 'runtimeId: expected a string, got an array'",
    "'\"action\":\"act\"', '\"action\":true', 'action: expected a string, got a boolean'",
    "'\"status\":\"succeeded\"', '\"status\":{}', 'status: expected a string, got an object'",
    "'\"createdAt\":\"2024-06-10T15:22:30Z\"', '\"createdAt\":null', 'createdAt: expected an ISO-8601 date-time with offset, got null'",
    "'\"finishedAt\":\"2024-06-10T15:22:35Z\"', '\"finishedAt\":1718032955', 'finishedAt: expected an ISO-8601 date-time with offset, got a number'",
  })
  void stringFieldOfTheWrongTypeIsNamed(String field, String wrong, String message) {
    String body =
        "{\"data\":[" + Fixtures.invocationJson(0).replace(field, wrong) + "],\"nextCursor\":null}";
    BctrlDecodeException failure = decodeFailure(json(200, body));
    assertThat(failure.getMessage()).contains("data[0]." + message);
  }

  @Test
  void missingRequiredFieldIsNamed() {
    String body =
        "{\"data\":["
            + Fixtures.invocationJson(0).replace("\"runtimeId\"", "\"x\"")
            + "],\"nextCursor\":null}";
    BctrlDecodeException failure = decodeFailure(json(200, body));
    assertThat(failure.getMessage()).contains("data[0].runtimeId: required field is missing");
  }

  @Test
  void badTimestampIsNamed() {
    String body =
        "{\"data\":["
            + Fixtures.invocationJson(0).replace("\"2024-06-10T15:22:35Z\"", "\"yesterday\"")
            + "],\"nextCursor\":null}";
    BctrlDecodeException failure = decodeFailure(json(200, body));
    assertThat(failure.getMessage())
        .contains(
            "data[0].finishedAt: expected an ISO-8601 date-time with offset, got \"yesterday\"");
  }

  @Test
  void nestedErrorWithoutMessageIsNamed() {
    String body =
        "{\"data\":["
            + Fixtures.invocationJson(0).replace("\"error\":null", "\"error\":{\"code\":\"x\"}")
            + "],\"nextCursor\":null}";
    BctrlDecodeException failure = decodeFailure(json(200, body));
    assertThat(failure.getMessage()).contains("data[0].error.message: required field is missing");
  }

  @Test
  void aTenMegabytePageIsDecoded() {
    int items = 36_000;
    String body = Fixtures.pageJson(0, items, null);
    assertThat(body.length()).isGreaterThan(10_000_000);
    server.enqueue(json(200, body));

    CursorPage<InvocationSummary> page = client.runs().listInvocations("r");

    assertThat(page.data()).hasSize(items);
    assertThat(page.data().get(items - 1).id()).isEqualTo(Fixtures.invocationId(items - 1));
  }
}
