package ai.bctrl;

import static ai.bctrl.Fixtures.invocationJson;
import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.NotFoundException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies that are JSON but not the schema, each refused with {@link BctrlDecodeException} naming
 * the JSON path, never retried, on every Jackson version the build runs against.
 */
@Timeout(10)
class StrictDecodingTest extends MockServerTest {

  private static String page(String item) {
    return "{\"data\":[" + item + "],\"nextCursor\":null}";
  }

  private BctrlDecodeException refused(MockResponse response) {
    server.enqueue(response);
    BctrlDecodeException failure =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            BctrlDecodeException.class, () -> client.runs().listInvocations("r"));
    assertThat(failure).as("a BctrlDecodeException").isNotNull();
    assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
    return failure;
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"createdAt\":\"2024-06-10T15:22:30Z\"' | '\"createdAt\":1718032950'"
            + " | 'data[0].createdAt: expected an ISO-8601 date-time with offset, got a number'",
        "'\"id\":\"00000000-0000-4000-8000-000000000000\"' | '\"id\":true'"
            + " | 'data[0].id: expected a string, got a boolean'",
        "'\"status\":\"succeeded\"' | '\"status\":1.5'"
            + " | 'data[0].status: expected a string, got a number'",
        "'\"durationMs\":100' | '\"durationMs\":\"100\"'"
            + " | 'data[0].durationMs: expected an integer, got a string'",
        "'\"durationMs\":100' | '\"durationMs\":100.5'"
            + " | 'data[0].durationMs: expected an integer, got a number'",
        "'\"durationMs\":100' | '\"durationMs\":99999999999999999999'"
            + " | 'data[0].durationMs: expected an integer, got 99999999999999999999 (out of range)'",
        "'\"createdAt\":\"2024-06-10T15:22:30Z\"' | '\"createdAt\":\"2024-02-30T15:22:30Z\"'"
            + " | 'data[0].createdAt: expected an ISO-8601 date-time with offset, got \"2024-02-30T15:22:30Z\"'",
        "'\"createdAt\":\"2024-06-10T15:22:30Z\"' | '\"createdAt\":\"2024-06-10T15:22:30ZZ\"'"
            + " | 'data[0].createdAt: expected an ISO-8601 date-time with offset, got \"2024-06-10T15:22:30ZZ\"'",
        "'\"createdAt\":\"2024-06-10T15:22:30Z\"' | '\"createdAt\":\"2024-06-10T15:22:30+05:30+0530\"'"
            + " | 'data[0].createdAt: expected an ISO-8601 date-time with offset, got \"2024-06-10T15:22:30+05:30+0530\"'",
        "'\"createdAt\":\"2024-06-10T15:22:30Z\"' | '\"createdAt\":\"\"'"
            + " | 'data[0].createdAt: expected an ISO-8601 date-time with offset, got \"\"'",
        "'\"error\":null' | '\"error\":\"boom\"'"
            + " | 'data[0].error: expected an object, got a string'",
        "'\"error\":null' | '\"error\":{\"message\":\"m\",\"details\":[1]}'"
            + " | 'data[0].error.details: expected an object, got an array'",
        "'\"action\":\"act\"' | '\"action\":null'"
            + " | 'data[0].action: expected a string, got null'",
      })
  void aValueOfTheWrongKindIsNamedByItsPath(String field, String wrong, String message) {
    BctrlDecodeException failure =
        refused(json(200, page(invocationJson(0).replace(field, wrong))));
    assertThat(failure.getMessage()).contains(message);
  }

  @Test
  void anItemThatIsNotAnObjectIsNamed() {
    BctrlDecodeException failure = refused(json(200, page("42")));
    assertThat(failure.getMessage()).contains("data[0]: expected an object, got a number");
  }

  @Test
  void aPageWithoutNextCursorIsRefusedNotTakenAsTheEnd() {
    BctrlDecodeException failure = refused(json(200, "{\"data\":[" + invocationJson(0) + "]}"));
    assertThat(failure.getMessage()).contains("nextCursor: required field is missing");
  }

  @Test
  void aPageWithoutDataIsRefused() {
    BctrlDecodeException failure = refused(json(200, "{\"nextCursor\":null}"));
    assertThat(failure.getMessage()).contains("data: required field is missing");
  }

  @Test
  void contentAfterThePageIsRefused() {
    String body = page(invocationJson(0)) + " " + page(invocationJson(1));
    BctrlDecodeException failure = refused(json(200, body));
    assertThat(failure.getMessage()).contains("content after the end of the JSON value");
    assertThat(failure.rawBody()).isEqualTo(body);
  }

  @Test
  void aBodyThatIsNotValidTextInItsEncodingIsRefused() {
    // "{" in UTF-32BE, then a code point above U+10FFFF.
    Buffer utf32 =
        new Buffer().write(ByteBuffer.allocate(8).putInt('{').putInt(0x0011_0000).array());
    BctrlDecodeException failure =
        refused(new MockResponse().setHeader("Content-Type", "application/json").setBody(utf32));
    assertThat(failure.getMessage()).contains("response body: not valid text");
  }

  @Test
  void invalidUtf8IsRefused() {
    Buffer body = new Buffer().writeUtf8("{\"data\":[\"").writeByte(0xff).writeUtf8("\"]}");
    BctrlDecodeException failure =
        refused(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
    assertThat(failure.getMessage()).contains("invalid JSON").contains("UTF-8");
  }

  private static String nested(int depth) {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      deep.append(i % 2 == 0 ? "[" : "{\"k\":");
    }
    deep.append('0');
    for (int i = depth - 1; i >= 0; i--) {
      deep.append(i % 2 == 0 ? "]" : "}");
    }
    return deep.toString();
  }

  @Test
  void deepNestingInAnUnknownFieldIsRefusedNotAStackOverflow() {
    String item =
        invocationJson(0).replace("{\"action\"", "{\"deep\":" + nested(100_000) + ",\"action\"");
    BctrlDecodeException failure = refused(json(200, page(item)));
    assertThat(failure.getMessage()).contains("data[0].deep").containsIgnoringCase("nesting");
  }

  @Test
  void deepNestingInDetailsIsRefusedNotAStackOverflow() {
    String item =
        invocationJson(0)
            .replace(
                "\"error\":null",
                "\"error\":{\"message\":\"m\",\"details\":{\"d\":" + nested(100_000) + "}}");
    BctrlDecodeException failure = refused(json(200, page(item)));
    assertThat(failure.getMessage())
        .contains("data[0].error.details")
        .containsIgnoringCase("nesting");
  }

  @Test
  void nestingUpToTheCapIsKept() {
    String item =
        invocationJson(0).replace("{\"action\"", "{\"deep\":" + nested(200) + ",\"action\"");
    server.enqueue(json(200, page(item)));
    assertThat(client.runs().listInvocations("r").data().get(0).additionalProperties())
        .containsKey("deep");
  }

  @Test
  void deepNestingFailsTheFutureOfAnAsyncCall() throws Exception {
    String item =
        invocationJson(0).replace("{\"action\"", "{\"deep\":" + nested(100_000) + ",\"action\"");
    server.enqueue(json(200, page(item)));
    CompletableFuture<?> future = client.runs().listInvocationsAsync("r");
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(BctrlDecodeException.class);
  }

  @Test
  void anErrorBodyNestedTooDeepStillGivesTheTypedApiException() {
    server.enqueue(
        json(
            404,
            "{\"code\":\"run.not_found\",\"error\":\"no run\",\"details\":"
                + nested(100_000).replace("[", "{\"a\":[").replace("]", "]}")
                + "}"));
    assertThatThrownBy(() -> client.runs().listInvocations("r"))
        .isInstanceOf(NotFoundException.class);
  }
}
