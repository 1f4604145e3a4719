package ai.bctrl;

import static ai.bctrl.Fixtures.invocationJson;
import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.NotFoundException;
import ai.bctrl.models.ErrorResponse;
import ai.bctrl.models.InvocationError;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.models.ReasonClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The null rule on the wire: a property the spec does not require, sent as null, is absent; a
 * required one null or missing is still a {@link BctrlDecodeException} naming its JSON path.
 */
@Timeout(10)
class NullAsAbsentTest extends MockServerTest {

  private NotFoundException notFound(String body) {
    server.enqueue(json(404, body));
    NotFoundException failure =
        catchThrowableOfType(NotFoundException.class, () -> client.runs().listInvocations("r"));
    assertThat(failure).as("a NotFoundException").isNotNull();
    return failure;
  }

  private InvocationSummary onlyItem(String item) {
    server.enqueue(json(200, "{\"data\":[" + item + "],\"nextCursor\":null}"));
    return client.runs().listInvocations("r").data().get(0);
  }

  private BctrlDecodeException refused(String item) {
    server.enqueue(json(200, "{\"data\":[" + item + "],\"nextCursor\":null}"));
    BctrlDecodeException failure =
        catchThrowableOfType(BctrlDecodeException.class, () -> client.runs().listInvocations("r"));
    assertThat(failure).as("a BctrlDecodeException").isNotNull();
    return failure;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hint", "requestId", "reasonClass", "details"})
  void anErrorBodyWithAnOptionalFieldNullKeepsItsErrorResponse(String field) {
    NotFoundException failure =
        notFound("{\"code\":\"run.not_found\",\"error\":\"no run\",\"" + field + "\":null}");

    ErrorResponse body = failure.errorResponse().orElseThrow(AssertionError::new);
    assertThat(body.code()).isEqualTo("run.not_found");
    assertThat(body.error()).isEqualTo("no run");
    assertThat(body.hint()).isEmpty();
    assertThat(body.requestId()).isEmpty();
    assertThat(body.reasonClassValue()).isEmpty();
    assertThat(body.reasonClass()).isEqualTo(ReasonClass.UNKNOWN);
    assertThat(body.details()).isEmpty();
    assertThat(body.additionalProperties()).isEmpty();
    assertThat(failure.code()).contains("run.not_found");
  }

  @Test
  void anErrorBodyWithEveryOptionalFieldNullEqualsOneWithoutThem() {
    ErrorResponse nulls =
        notFound(
                "{\"code\":\"c\",\"error\":\"e\",\"hint\":null,\"requestId\":null,"
                    + "\"reasonClass\":null,\"details\":null}")
            .errorResponse()
            .get();
    ErrorResponse absent = notFound("{\"code\":\"c\",\"error\":\"e\"}").errorResponse().get();
    assertThat(nulls).isEqualTo(absent);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"code", "error"})
  void anErrorBodyWithARequiredFieldNullOrMissingHasNoErrorResponse(String field) {
    String body = "{\"code\":\"run.not_found\",\"error\":\"no run\"}";
    String nulled = body.replace("\"" + field + "\":\"", "\"" + field + "\":null,\"x\":\"");
    NotFoundException withNull = notFound(nulled);
    assertThat(withNull.errorResponse()).isEmpty();
    assertThat(withNull.rawBody()).isEqualTo(nulled);

    String missing = body.replace("\"" + field + "\":", "\"x\":");
    assertThat(notFound(missing).errorResponse()).isEmpty();
  }

  @Test
  void anItemWhoseErrorCodeIsNullHasNoCode() {
    InvocationSummary invocation =
        onlyItem(
            invocationJson(0)
                .replace("\"error\":null", "\"error\":{\"message\":\"m\",\"code\":null}"));
    InvocationError error = invocation.error().orElseThrow(AssertionError::new);
    assertThat(error.message()).isEqualTo("m");
    assertThat(error.code()).isEmpty();
    assertThat(error.additionalProperties()).isEmpty();
  }

  @Test
  void anItemWhoseErrorDetailsAreNullHasNoDetails() {
    InvocationSummary invocation =
        onlyItem(
            invocationJson(0)
                .replace(
                    "\"error\":null",
                    "\"error\":{\"message\":\"m\",\"code\":\"c\",\"details\":null}"));
    InvocationError error = invocation.error().orElseThrow(AssertionError::new);
    assertThat(error.code()).contains("c");
    assertThat(error.details()).isEmpty();
    assertThat(error.additionalProperties()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "id, data[0].id: expected a string, got null",
    "status, data[0].status: expected a string, got null",
    "createdAt, data[0].createdAt: expected an ISO-8601 date-time with offset, got null",
  })
  void aRequiredItemFieldNullIsRefusedByItsPath(String field, String message) {
    String item =
        invocationJson(0).replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":null");
    assertThat(refused(item).getMessage()).contains(message);
  }

  @Test
  void aRequiredFieldMissingFromAnItemsErrorIsRefusedByItsPath() {
    String item = invocationJson(0).replace("\"error\":null", "\"error\":{\"code\":\"c\"}");
    assertThat(refused(item).getMessage())
        .contains("data[0].error.message: required field is missing");
  }

  @Test
  void aNullItemIsStillRefused() {
    server.enqueue(json(200, "{\"data\":[null],\"nextCursor\":null}"));
    BctrlDecodeException failure =
        catchThrowableOfType(BctrlDecodeException.class, () -> client.runs().listInvocations("r"));
    assertThat(failure.getMessage()).contains("data[0]: expected an object, got null");
  }
}
