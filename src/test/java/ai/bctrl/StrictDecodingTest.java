package ai.bctrl;

import static ai.bctrl.Fixtures.invocationJson;
import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.NotFoundException;
import ai.bctrl.models.InvocationSummary;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    int before = server.getRequestCount();
    server.enqueue(response);
    BctrlDecodeException failure =
        catchThrowableOfType(BctrlDecodeException.class, () -> client.runs().listInvocations("r"));
    assertThat(failure).as("a BctrlDecodeException").isNotNull();
    assertThat(server.getRequestCount() - before).as("not retried").isEqualTo(1);
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
        "'\"createdAt\":\"2024-06-10T15:22:30Z\"' | '\"createdAt\":\"2024-06-10T15:22:30.Z\"'"
            + " | 'data[0].createdAt: expected an ISO-8601 date-time with offset, got \"2024-06-10T15:22:30.Z\"'",
        "'\"createdAt\":\"2024-06-10T15:22:30Z\"' | '\"createdAt\":\"2024-06-10T15:22:30.1234567891Z\"'"
            + " | 'data[0].createdAt: expected an ISO-8601 date-time with offset, got \"2024-06-10T15:22:30.1234567891Z\"'",
        "'\"createdAt\":\"2024-06-10T15:22:30Z\"' | '\"createdAt\":\"2024-06-10T15:22:30+05:30:15\"'"
            + " | 'data[0].createdAt: expected an ISO-8601 date-time with offset, got \"2024-06-10T15:22:30+05:30:15\"'",
        "'\"error\":null' | '\"error\":{\"message\":null}'"
            + " | 'data[0].error.message: expected a string, got null'",
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
    assertThat(failure.getMessage()).contains("response body: not valid text in UTF-32BE");
  }

  @Test
  void invalidUtf8IsRefused() {
    Buffer body = new Buffer().writeUtf8("{\"data\":[\"").writeByte(0xff).writeUtf8("\"]}");
    BctrlDecodeException failure =
        refused(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
    assertThat(failure.getMessage())
        .contains("response body: not valid text in UTF-8: malformed at byte 10");
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
  void anUnknownFieldNestedToTheCapIsKept() {
    // page 1, data 2, item 3: a field of the item nested 497 deep reaches level 500.
    String item =
        invocationJson(0).replace("{\"action\"", "{\"deep\":" + nested(497) + ",\"action\"");
    server.enqueue(json(200, page(item)));
    Object deep =
        client.runs().listInvocations("r").data().get(0).additionalProperties().get("deep");
    int levels = 0;
    for (; deep instanceof List || deep instanceof Map; levels++) {
      deep =
          deep instanceof List
              ? ((List<?>) deep).get(0)
              : ((Map<?, ?>) deep).values().iterator().next();
    }
    assertThat(levels).isEqualTo(497);
    assertThat(deep).isEqualTo(0);

    String over =
        invocationJson(0).replace("{\"action\"", "{\"deep\":" + nested(498) + ",\"action\"");
    assertThat(refused(json(200, page(over))).getMessage())
        .contains("data[0]")
        .contains("nesting deeper than 500 levels");
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

  // --- Issue 21: what differential fuzzing found. ---

  private static MockResponse bytes(int status, byte[] body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(new Buffer().write(body));
  }

  private static byte[] concat(byte[]... parts) {
    Buffer all = new Buffer();
    for (byte[] part : parts) {
      all.write(part);
    }
    return all.readByteArray();
  }

  private static byte[] hex(String hex) {
    return ByteString.decodeHex(hex).toByteArray();
  }

  private BctrlDecodeException refusedAsync(MockResponse response) throws Exception {
    server.enqueue(response);
    CompletableFuture<?> future = client.runs().listInvocationsAsync("r");
    ExecutionException failure =
        catchThrowableOfType(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertThat(failure).as("the future failed").isNotNull();
    assertThat(failure.getCause()).isInstanceOf(BctrlDecodeException.class);
    return (BctrlDecodeException) failure.getCause();
  }

  private NotFoundException notFound(MockResponse response) {
    server.enqueue(response.setResponseCode(404));
    NotFoundException failure =
        catchThrowableOfType(NotFoundException.class, () -> client.runs().listInvocations("r"));
    assertThat(failure).as("a NotFoundException").isNotNull();
    return failure;
  }

  private InvocationSummary onlyItem(String body) {
    server.enqueue(json(200, body));
    List<InvocationSummary> data = client.runs().listInvocations("r").data();
    assertThat(data).hasSize(1);
    return data.get(0);
  }

  private static String withField(String field) {
    return page(invocationJson(0).replace("{\"action\"", "{" + field + ",\"action\""));
  }

  private static String repeat(char c, int times) {
    char[] chars = new char[times];
    Arrays.fill(chars, c);
    return new String(chars);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "null | null",
        "42 | a number",
        "'\"page\"' | a string",
        "[] | an array",
        "true | a boolean"
      })
  void aBodyThatIsNotAnObjectIsRefusedSyncAndAsync(String body, String got) throws Exception {
    String expected = "response body: expected an object, got " + got;
    assertThat(refused(json(200, body)).getMessage()).contains(expected);
    BctrlDecodeException async = refusedAsync(json(200, body));
    assertThat(async.getMessage()).contains(expected);
    assertThat(async.rawBody()).isEqualTo(body);
  }

  @Test
  void aNullItemIsRefusedByItsIndex() {
    BctrlDecodeException failure =
        refused(json(200, "{\"data\":[" + invocationJson(0) + ",null],\"nextCursor\":null}"));
    assertThat(failure.getMessage()).contains("data[1]: expected an object, got null");
  }

  @Test
  void numbersOfNoFixedTypeAreTheNumbersTheServerSent() {
    String numbers =
        "{\"big\":1e400,\"negative\":-1E+400,\"tenth\":0.1,\"scale\":2.50,\"exponent\":1e2,"
            + "\"int\":7,\"long\":9007199254740993,\"huge\":123456789012345678901234567890}";
    InvocationSummary invocation =
        onlyItem(
            withField("\"n\":" + numbers)
                .replace(
                    "\"error\":null", "\"error\":{\"message\":\"m\",\"details\":" + numbers + "}"));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("big", new BigDecimal("1e400"));
    expected.put("negative", new BigDecimal("-1e400"));
    expected.put("tenth", new BigDecimal("0.1"));
    expected.put("scale", new BigDecimal("2.50"));
    expected.put("exponent", new BigDecimal("1e2"));
    expected.put("int", 7);
    expected.put("long", 9007199254740993L);
    expected.put("huge", new BigInteger("123456789012345678901234567890"));
    // BigDecimal.equals compares the scale too: "2.50" stays 2.50, "1e2" stays 1E+2.
    assertThat(invocation.additionalProperties().get("n")).isEqualTo(expected);
    assertThat(invocation.error().get().details()).isEqualTo(expected);

    server.enqueue(
        json(404, "{\"code\":\"run.not_found\",\"error\":\"no run\",\"details\":" + numbers + "}"));
    NotFoundException failure =
        catchThrowableOfType(NotFoundException.class, () -> client.runs().listInvocations("r"));
    assertThat(failure.errorResponse().get().details()).isEqualTo(expected);
  }

  /** A string value holding {@code bad}, as UTF-8, in a page and in an error body. */
  @ParameterizedTest(name = "UTF-8 {0}")
  @CsvSource({
    "c080", // an overlong NUL
    "e08080", // an overlong three-byte form
    "eda080", // an encoded surrogate (U+D800)
    "edbfbf", // an encoded surrogate (U+DFFF)
    "f4908080", // above U+10FFFF
    "ff",
    "c3", // a sequence cut short
  })
  void textThatIsNotValidUtf8IsRefusedInPagesAndErrorBodies(String bad) {
    byte[] page =
        concat(
            "{\"data\":[],\"note\":\"a".getBytes(StandardCharsets.UTF_8),
            hex(bad),
            "bc\",\"nextCursor\":null}".getBytes(StandardCharsets.UTF_8));
    assertThat(refused(bytes(200, page)).getMessage())
        .contains("response body: not valid text in UTF-8: malformed at byte");

    byte[] error =
        concat(
            "{\"code\":\"run.not_found\",\"error\":\"a".getBytes(StandardCharsets.UTF_8),
            hex(bad),
            "bc\"}".getBytes(StandardCharsets.UTF_8));
    NotFoundException failure = notFound(bytes(404, error));
    assertThat(failure.errorResponse()).isEmpty();
    assertThat(failure.rawBody()).startsWith("{\"code\":\"run.not_found\",\"error\":\"a");
  }

  /** "a", an unpaired surrogate, "bc": Jackson's UTF-16 reader makes it "a\uFFFDc". */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"UTF-16BE, d800", "UTF-16LE, d800", "UTF-16BE, dc00", "UTF-16LE, dfff"})
  void anUnpairedUtf16SurrogateIsRefusedInPagesAndErrorBodies(String charset, String unit) {
    Charset utf16 = Charset.forName(charset);
    byte[] surrogate = hex(unit);
    if (charset.endsWith("LE")) {
      surrogate = new byte[] {surrogate[1], surrogate[0]};
    }
    byte[] page =
        concat(
            "{\"data\":[],\"note\":\"a".getBytes(utf16),
            surrogate,
            "bc\",\"nextCursor\":null}".getBytes(utf16));
    assertThat(refused(bytes(200, page)).getMessage())
        .contains("response body: not valid text in " + charset + ": malformed at byte");

    byte[] error =
        concat(
            "{\"code\":\"run.not_found\",\"error\":\"a".getBytes(utf16),
            surrogate,
            "bc\"}".getBytes(utf16));
    assertThat(notFound(bytes(404, error)).errorResponse()).isEmpty();
  }

  @Test
  void aSurrogateCodePointInUtf32IsRefused() {
    ByteBuffer utf32 = ByteBuffer.allocate(4 * 6);
    for (int c : new int[] {'[', '"', 0xD800, 'a', '"', ']'}) {
      utf32.putInt(c);
    }
    assertThat(refused(bytes(200, utf32.array())).getMessage())
        .contains(
            "response body: not valid text in UTF-32BE: an unpaired surrogate at character 2");
  }

  @Test
  void anEscapedSurrogateIsJsonNotEncodingAndIsKeptAsSent() {
    InvocationSummary invocation = onlyItem(withField("\"note\":\"a\\ud800b\""));
    assertThat(invocation.additionalProperties().get("note")).isEqualTo("a\ud800b");
  }

  @Test
  void anErrorBodyWithNullForARequiredFieldHasNoErrorResponse() {
    String body = "{\"code\":null,\"error\":\"x\",\"hint\":\"h\"}";
    NotFoundException failure = notFound(json(404, body));
    assertThat(failure.errorResponse()).isEmpty();
    assertThat(failure.rawBody()).isEqualTo(body);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UTF-8, efbbbf", "UTF-16BE, feff", "UTF-16LE, fffe", "UTF-16BE, ''", "UTF-16LE, ''"})
  void pagesAndErrorBodiesAreReadInTheSameEncodingsWithOrWithoutAByteOrderMark(
      String charset, String bom) {
    Charset encoding = Charset.forName(charset);
    byte[] page = concat(hex(bom), page(invocationJson(0)).getBytes(encoding));
    server.enqueue(bytes(200, page));
    assertThat(client.runs().listInvocations("r").data()).hasSize(1);

    byte[] error =
        concat(hex(bom), "{\"code\":\"run.not_found\",\"error\":\"no run\"}".getBytes(encoding));
    assertThat(notFound(bytes(404, error)).errorResponse().get().code()).isEqualTo("run.not_found");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "UTF-8, efbbbf",
    "UTF-16BE, feff",
    "UTF-16LE, fffe",
    "UTF-32BE, 0000feff",
    "UTF-32LE, fffe0000"
  })
  void oneByteOrderMarkIsReadAndASecondRefusedInEveryEncoding(String charset, String bom) {
    byte[] text = page(invocationJson(0)).getBytes(Charset.forName(charset));
    server.enqueue(bytes(200, concat(hex(bom), text)));
    assertThat(client.runs().listInvocations("r").data()).hasSize(1);

    assertThat(refused(bytes(200, concat(hex(bom), hex(bom), text))).getMessage())
        .contains("response body: invalid JSON: a second byte order mark");
  }

  @Test
  void aUtf8MarkBeforeUtf16TextIsRefusedNotReadAsUtf16() {
    // Jackson would detect UTF-16 again from the bytes after the mark.
    byte[] body =
        concat(hex("efbbbf"), page(invocationJson(0)).getBytes(StandardCharsets.UTF_16LE));
    assertThat(refused(bytes(200, body)).getMessage())
        .contains("response body: invalid JSON: a NUL character at byte 4");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2024-06-10T15:22:30.5Z, 2024-06-10T15:22:30.500Z",
    "2024-06-10T15:22:30.123456789+05:30, 2024-06-10T09:52:30.123456789Z",
    "2024-06-10T15:22:30-0530, 2024-06-10T20:52:30Z",
    "2024-06-10T15:22:30+02, 2024-06-10T13:22:30Z",
    "2024-06-10t15:22:30z, 2024-06-10T15:22:30Z",
  })
  void timestampsInThePromisedFormsAreRead(String wire, String instant) {
    InvocationSummary invocation =
        onlyItem(
            page(
                invocationJson(0)
                    .replace(
                        "\"createdAt\":\"2024-06-10T15:22:30Z\"",
                        "\"createdAt\":\"" + wire + "\"")));
    assertThat(invocation.createdAt().toInstant()).isEqualTo(Instant.parse(instant));
  }

  @Test
  void aBodyNestedToTheCapIsKeptAndOneLevelMoreIsRefusedWhereverItIs() {
    // The page is level 1, so an envelope field nested 499 deep reaches level 500.
    server.enqueue(json(200, "{\"deep\":" + nested(499) + ",\"data\":[],\"nextCursor\":null}"));
    assertThat(client.runs().listInvocations("r").data()).isEmpty();

    BctrlDecodeException envelope =
        refused(json(200, "{\"deep\":" + nested(500) + ",\"data\":[],\"nextCursor\":null}"));
    assertThat(envelope.getMessage()).contains("nesting deeper than 500 levels");
  }

  @Test
  void theNestingCapAppliesToSkippedFieldsInsideError() {
    // page 1, data 2, item 3, error 4: an unknown field of error 600 deep is skipped, not kept.
    String item =
        invocationJson(0)
            .replace(
                "\"error\":null", "\"error\":{\"message\":\"m\",\"deep\":" + nested(600) + "}");
    BctrlDecodeException failure = refused(json(200, page(item)));
    assertThat(failure.getMessage())
        .contains("data[0].error")
        .contains("nesting deeper than 500 levels");
  }

  @Test
  void detailsReachTheCapOfTheWholeBodyAndNoMore() {
    // An error body is level 1 and its details level 2: 498 more levels reach 500.
    String atCap =
        "{\"code\":\"run.not_found\",\"error\":\"x\",\"details\":{\"d\":" + nested(498) + "}}";
    assertThat(notFound(json(404, atCap)).errorResponse()).isPresent();
    String over =
        "{\"code\":\"run.not_found\",\"error\":\"x\",\"details\":{\"d\":" + nested(499) + "}}";
    NotFoundException failure = notFound(json(404, over));
    assertThat(failure.errorResponse()).isEmpty();
    assertThat(failure.rawBody()).isEqualTo(over);

    // In a page, details sit at level 5 (page, data, item, error, details).
    String item =
        invocationJson(0)
            .replace(
                "\"error\":null",
                "\"error\":{\"message\":\"m\",\"details\":{\"d\":" + nested(496) + "}}");
    assertThat(refused(json(200, page(item))).getMessage())
        .contains("data[0].error.details")
        .contains("nesting deeper than 500 levels");
  }

  @Test
  void anErrorBodyWithAnUnknownFieldNestedTooDeepHasNoErrorResponse() {
    String body = "{\"code\":\"run.not_found\",\"error\":\"x\",\"extra\":" + nested(600) + "}";
    NotFoundException failure = notFound(json(404, body));
    assertThat(failure.errorResponse()).isEmpty();
    assertThat(failure.rawBody()).isEqualTo(body);
  }

  @Test
  void namesUpTo50000CharactersAreKeptAndLongerOnesRefusedOnEveryJackson() {
    String longest = repeat('n', 50_000);
    assertThat(onlyItem(withField("\"" + longest + "\":1")).additionalProperties())
        .containsKey(longest);
    BctrlDecodeException failure = refused(json(200, withField("\"" + longest + "n\":1")));
    assertThat(failure.getMessage()).contains("data[0]: a name of more than 50000 characters");
  }

  @ParameterizedTest(name = "{0} digits")
  @ValueSource(ints = {1001, 5000})
  void numbersUpTo1000DigitsAreKeptAndLongerOnesRefusedOnEveryJackson(int digits) {
    String longest = "-" + repeat('9', 1000);
    assertThat(onlyItem(withField("\"n\":" + longest)).additionalProperties().get("n"))
        .isEqualTo(new BigInteger(longest));
    String decimal = "-0." + repeat('5', 998) + "e-1";
    assertThat(onlyItem(withField("\"n\":" + decimal)).additionalProperties().get("n"))
        .isEqualTo(new BigDecimal(decimal));
    // Jackson 2.15+ refuses these by its own limit, 2.13 by the SDK's: in the same words.
    for (String tooLong :
        new String[] {
          "-" + repeat('9', digits),
          "0." + repeat('5', digits - 1),
          "1." + repeat('5', digits - 3) + "E+10"
        }) {
      BctrlDecodeException failure = refused(json(200, withField("\"n\":" + tooLong)));
      assertThat(failure.getMessage())
          .as(tooLong.substring(0, 5))
          .contains("data[0]: a number of more than 1000 digits");
    }
  }

  @Test
  void aStringOf20MillionCharactersIsRead() {
    String longest = repeat('s', 20_000_000);
    assertThat(onlyItem(withField("\"s\":\"" + longest + "\"")).additionalProperties().get("s"))
        .isEqualTo(longest);
  }

  @Test
  void aStringOfMoreThan20MillionCharactersIsRefusedKeptOrSkipped() {
    String tooLong = repeat('s', 20_000_001);
    BctrlDecodeException kept = refused(json(200, withField("\"s\":\"" + tooLong + "\"")));
    assertThat(kept.getMessage()).contains("data[0]: a string of more than 20000000 characters");
    BctrlDecodeException skipped =
        refused(json(200, "{\"s\":\"" + tooLong + "\",\"data\":[],\"nextCursor\":null}"));
    assertThat(skipped.getMessage())
        .contains("response body: a string of more than 20000000 characters");
  }
}
