package ai.bctrl.models;

import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.MockServerTest;
import ai.bctrl.pagination.CursorPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding as the caller sees it: bodies served by MockWebServer, models read through the SDK. */
@SuppressWarnings("unchecked")
class InvocationDecodingTest extends MockServerTest {

  private InvocationSummary onlyItem(String itemJson) {
    server.enqueue(json(200, "{\"data\":[" + itemJson + "],\"nextCursor\":null}"));
    CursorPage<InvocationSummary> page = client.runs().listInvocations("r");
    assertThat(page.data()).hasSize(1);
    return page.data().get(0);
  }

  private static String item(String extra) {
    return "{\"action\":\"observe\",\"createdAt\":\"2024-06-10T15:22:30Z\","
        + "\"id\":\"i1\",\"runId\":\"r1\",\"runtimeId\":\"rt1\",\"status\":\"running\""
        + extra
        + "}";
  }

  @Test
  void decodesTheDocumentedExample() throws Exception {
    String example =
        new String(
            Files.readAllBytes(Paths.get("openapi/examples/list-invocations.json")),
            StandardCharsets.UTF_8);
    server.enqueue(json(200, example));

    CursorPage<InvocationSummary> page = client.runs().listInvocations("r");

    assertThat(page.nextCursor())
        .contains("eyJpZCI6IjNmYTg1ZjY0NTcxNzQ1NjJiM2ZjMmM5NjNmNjZhZmE2In0");
    InvocationSummary invocation = page.data().get(0);
    assertThat(invocation.id()).isEqualTo("3fa85f64-5717-4562-b3fc-2c963f66afa6");
    assertThat(invocation.runId()).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    assertThat(invocation.runtimeId()).isEqualTo("1c6b147a-8f3a-4d2a-9f3e-2a1b5c4d7e8f");
    assertThat(invocation.action()).isEqualTo(InvocationAction.ACT);
    assertThat(invocation.status()).isEqualTo(InvocationStatus.FAILED);
    assertThat(invocation.createdAt())
        .isEqualTo(OffsetDateTime.of(2024, 6, 10, 15, 22, 30, 0, ZoneOffset.UTC));
    assertThat(invocation.finishedAt())
        .contains(OffsetDateTime.of(2024, 6, 10, 15, 22, 35, 0, ZoneOffset.UTC));
    assertThat(invocation.durationMs()).contains(350L);
    InvocationError error = invocation.error().get();
    assertThat(error.message()).isEqualTo("Invocation exceeded the maximum allowed duration.");
    assertThat(error.code()).contains("invocation.timeout");
    Map<String, Object> details = new HashMap<>();
    details.put("timeoutSeconds", 30);
    details.put("step", "fetchData");
    assertThat(error.details()).isEqualTo(details);
    assertThat(invocation.additionalProperties()).isEmpty();
  }

  @Test
  void unknownEnumValuesDecodeAsUnknownAndKeepTheWireString() {
    InvocationSummary invocation =
        onlyItem(item("").replace("\"running\"", "\"paused\"").replace("observe", "teleport"));

    assertThat(invocation.status()).isEqualTo(InvocationStatus.UNKNOWN);
    assertThat(invocation.statusValue()).isEqualTo("paused");
    assertThat(invocation.action()).isEqualTo(InvocationAction.UNKNOWN);
    assertThat(invocation.actionValue()).isEqualTo("teleport");
  }

  @Test
  void everyKnownEnumValueDecodesAndNearMissesStayUnknown() {
    for (InvocationAction action : InvocationAction.values()) {
      if (action != InvocationAction.UNKNOWN) {
        String wire = action.value();
        assertThat(onlyItem(item("").replace("observe", wire)).action()).isEqualTo(action);
      }
    }
    for (InvocationStatus status : InvocationStatus.values()) {
      if (status != InvocationStatus.UNKNOWN) {
        String wire = "\"" + status.value() + "\"";
        assertThat(onlyItem(item("").replace("\"running\"", wire)).status()).isEqualTo(status);
      }
    }
    // Same length as a known value, a prefix of one, one character longer, another case.
    for (String nearMiss : new String[] {"extrakt", "ac", "actt", "Act", ""}) {
      InvocationSummary invocation = onlyItem(item("").replace("observe", nearMiss));
      assertThat(invocation.action()).isEqualTo(InvocationAction.UNKNOWN);
      assertThat(invocation.actionValue()).isEqualTo(nearMiss);
    }
  }

  @Test
  void unknownFieldsAreKeptAsPlainJavaValues() {
    InvocationSummary invocation =
        onlyItem(item(",\"priority\":3,\"tags\":[\"a\",true,null],\"meta\":{\"x\":1.5}"));

    assertThat(invocation.additionalProperties())
        .containsEntry("priority", 3)
        .containsEntry("tags", Arrays.asList("a", true, null));
    assertThat(invocation.additionalProperties().get("meta"))
        .isEqualTo(java.util.Collections.singletonMap("x", new java.math.BigDecimal("1.5")));
  }

  @Test
  void nullableFieldsAbsentOrNullAreEmpty() {
    InvocationSummary absent = onlyItem(item(""));
    assertThat(absent.finishedAt()).isEmpty();
    assertThat(absent.durationMs()).isEmpty();
    assertThat(absent.error()).isEmpty();

    InvocationSummary nulls =
        onlyItem(item(",\"finishedAt\":null,\"durationMs\":null,\"error\":null"));
    assertThat(nulls).isEqualTo(absent);
  }

  @Test
  void aRepeatedFieldTakesItsLastValue() {
    // As Jackson's own readers do: null after a value clears it, a value after null sets it.
    InvocationSummary cleared =
        onlyItem(
            item(",\"finishedAt\":\"2024-06-10T15:22:35Z\",\"finishedAt\":null,\"id\":\"i2\""));
    assertThat(cleared.finishedAt()).isEmpty();
    assertThat(cleared.id()).isEqualTo("i2");

    InvocationSummary set =
        onlyItem(item(",\"finishedAt\":null,\"finishedAt\":\"2024-06-10T15:22:35Z\""));
    assertThat(set.finishedAt()).contains(OffsetDateTime.parse("2024-06-10T15:22:35Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "2024-06-10T15:22:30Z, 2024-06-10T15:22:30Z",
    "2024-06-10T17:22:30+02:00, 2024-06-10T17:22:30+02:00",
    "2024-06-10T15:22:30.123456Z, 2024-06-10T15:22:30.123456Z",
    "2024-06-10T15:22:30.5-05:30, 2024-06-10T15:22:30.500-05:30",
    "2024-06-10T17:22:30+0200, 2024-06-10T17:22:30+02:00",
    "2024-06-10T17:22:30+02, 2024-06-10T17:22:30+02:00",
    "2024-06-10t15:22:30z, 2024-06-10T15:22:30Z",
    "2024-06-10T15:22:30.123456789Z, 2024-06-10T15:22:30.123456789Z",
    "2024-06-10T15:22Z, 2024-06-10T15:22:00Z",
  })
  void timestampsAcceptIsoOffsetForms(String wire, String expected) {
    InvocationSummary invocation = onlyItem(item("").replace("2024-06-10T15:22:30Z", wire));
    assertThat(invocation.createdAt()).isEqualTo(OffsetDateTime.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "2024-13-10T15:22:30Z",
    "20x4-06-10T15:22:30Z",
    "202x-06-10T15:22:30Z",
    "2024-06-1xT15:22:30Z",
    "2024-06-10T15:22:3xZ",
    "2024-06-10T15:22:30+0x:00",
    "2023-02-29T15:22:30Z",
    "2024-06-10T15:22:30",
    "2024-06-10T15:22:30.1234567890Z",
    "2024-06-10T15:22:30.Z",
    "2024-06-10T17:22:30+02:00:30",
    "2024-06-10T15:22:30.12a4Z",
    "2024-06-10T25:22:30Z",
    "2024-06-10 15:22:30Z",
    "yesterday",
  })
  void malformedTimestampsAreDecodeErrorsNamingTheField(String wire) {
    server.enqueue(
        json(
            200,
            "{\"data\":["
                + item("").replace("2024-06-10T15:22:30Z", wire)
                + "],\"nextCursor\":null}"));

    ai.bctrl.errors.BctrlDecodeException failure =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ai.bctrl.errors.BctrlDecodeException.class, () -> client.runs().listInvocations("r"));

    assertThat(failure.getMessage())
        .contains("data[0].createdAt: expected an ISO-8601 date-time with offset");
  }

  @Test
  void modelsAreValuesWithReadableToString() {
    InvocationSummary a = onlyItem(item(",\"durationMs\":5"));
    InvocationSummary b = a.toBuilder().build();
    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a.toBuilder().status(InvocationStatus.FAILED).build()).isNotEqualTo(a);
    assertThat(a.toString()).contains("id=i1", "status=running", "durationMs=5");
  }

  @Test
  void modelCollectionsAreUnmodifiable() {
    InvocationSummary invocation = onlyItem(item(",\"extra\":1"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> invocation.additionalProperties().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nestedJsonValuesAreUnmodifiableToo() {
    InvocationSummary invocation =
        onlyItem(
            item(
                ",\"meta\":{\"tags\":[\"a\"],\"inner\":{\"x\":1}},"
                    + "\"error\":{\"message\":\"m\",\"details\":{\"steps\":[{\"n\":1}]}}"));

    Map<?, ?> meta = (Map<?, ?>) invocation.additionalProperties().get("meta");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> meta.remove("tags"))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ((java.util.List<Object>) meta.get("tags")).add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ((Map<String, Object>) meta.get("inner")).put("y", 2))
        .isInstanceOf(UnsupportedOperationException.class);
    Map<String, Object> details = invocation.error().get().details();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> details.entrySet().iterator().next().setValue(null))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(details.toString()).isEqualTo("{steps=[{n=1}]}");
  }

  @Test
  void itemsDecodeWhateverOrderTheirFieldsComeIn() {
    // The reader guesses each next field from the previous item's order: every guess here is
    // wrong at least once (reordered fields, an unknown field between known ones, a field
    // missing), and each item must still come out whole.
    String first =
        "{\"id\":\"a\",\"runId\":\"r\",\"runtimeId\":\"rt\",\"action\":\"act\","
            + "\"status\":\"failed\",\"createdAt\":\"2024-06-10T15:22:30Z\","
            + "\"durationMs\":7,\"error\":{\"message\":\"m\"}}";
    String reordered =
        "{\"status\":\"running\",\"createdAt\":\"2024-06-10T15:22:31Z\",\"id\":\"b\","
            + "\"x\":1,\"action\":\"observe\",\"runtimeId\":\"rt\",\"runId\":\"r\"}";
    String sameAsFirst = first.replace("\"a\"", "\"c\"");
    String unknownFirst =
        "{\"y\":[1],\"id\":\"d\",\"runId\":\"r\",\"runtimeId\":\"rt2\","
            + "\"action\":\"teleport\",\"status\":\"paused\","
            + "\"createdAt\":\"2024-06-10T15:22:32+02:00\",\"finishedAt\":null}";
    server.enqueue(
        json(
            200,
            "{\"data\":["
                + String.join(",", first, reordered, sameAsFirst, unknownFirst, reordered)
                + "],\"nextCursor\":null}"));

    java.util.List<InvocationSummary> items = client.runs().listInvocations("r").data();

    assertThat(items).extracting(InvocationSummary::id).containsExactly("a", "b", "c", "d", "b");
    assertThat(items.get(0).durationMs()).contains(7L);
    assertThat(items.get(0).error().get().message()).isEqualTo("m");
    assertThat(items.get(1).status()).isEqualTo(InvocationStatus.RUNNING);
    assertThat(items.get(1).action()).isEqualTo(InvocationAction.OBSERVE);
    assertThat(items.get(1).additionalProperties()).containsOnlyKeys("x");
    assertThat(items.get(1).durationMs()).isEmpty();
    assertThat(items.get(2)).isEqualTo(items.get(0).toBuilder().id("c").build());
    assertThat(items.get(3).additionalProperties()).containsOnlyKeys("y");
    assertThat(items.get(3).runtimeId()).isEqualTo("rt2");
    assertThat(items.get(3).actionValue()).isEqualTo("teleport");
    assertThat(items.get(3).createdAt())
        .isEqualTo(OffsetDateTime.of(2024, 6, 10, 15, 22, 32, 0, ZoneOffset.ofHours(2)));
    assertThat(items.get(4)).isEqualTo(items.get(1));
  }

  @Test
  void jsonObjectsOfAnySizeKeepOrderAndTheLastOfARepeatedName() {
    StringBuilder big = new StringBuilder("{");
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    for (int i = 20; i > 0; i--) {
      big.append("\"k").append(i).append("\":").append(i).append(',');
      expected.put("k" + i, i);
    }
    // A repeated name keeps its first place and takes the last value, as a LinkedHashMap would.
    big.append("\"k7\":\"again\"}");
    expected.put("k7", "again");

    InvocationSummary invocation =
        onlyItem(item(",\"big\":" + big + ",\"small\":{\"b\":1,\"a\":2,\"b\":3}"));

    Map<String, Object> decoded =
        (Map<String, Object>) invocation.additionalProperties().get("big");
    assertThat(decoded).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(decoded.keySet()).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, Object> field : expected.entrySet()) {
      assertThat(decoded.get(field.getKey())).isEqualTo(field.getValue());
      assertThat(decoded.containsKey(field.getKey())).isTrue();
    }
    assertThat(decoded.get("k21")).isNull();
    assertThat(decoded.containsKey("k21")).isFalse();
    Map<String, Object> small =
        (Map<String, Object>) invocation.additionalProperties().get("small");
    assertThat(small.toString()).isEqualTo("{b=3, a=2}");
    assertThat(small.get("b")).isEqualTo(3);
  }
}
