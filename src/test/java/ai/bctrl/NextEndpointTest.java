package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.internal.ApiRequest;
import ai.bctrl.internal.ListEndpoint;
import ai.bctrl.models.BrowserRuntime;
import ai.bctrl.models.BrowserRuntimeRegion;
import ai.bctrl.models.RuntimeSession;
import ai.bctrl.pagination.CursorPage;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The next endpoint, end to end: {@code src/test/resources/openapi/next-endpoint.yaml} is a spec
 * fragment in the published spec's style, {@code openapi/generate} wrote its models into {@code
 * src/test/java/ai/bctrl/models} (and {@code --check} keeps them current), and here a resource
 * method of two lines lists them through the SDK's one mapper, as strictly as the SDK's own.
 */
@Timeout(10)
class NextEndpointTest extends MockServerTest {
  private static final String RUNTIME =
      "{\"id\":\"5f0c6f1e-0000-4000-8000-000000000001\",\"region\":\"eu-west\","
          + "\"owner\":{\"name\":\"ana\",\"team\":null},"
          + "\"sessions\":[{\"url\":\"https://a.example\",\"pages\":3},{\"url\":\"https://b.example\"}],"
          + "\"startedAt\":\"2024-06-10T15:22:30+02:00\",\"memoryBytes\":8589934592,"
          + "\"headless\":true,\"labels\":{\"env\":\"ci\",\"tags\":[\"a\",{\"b\":1}]},"
          + "\"stoppedReason\":null,\"gpu\":\"none\"}";

  /** The resource method a maintainer adds: its request, and the generated model of its items. */
  private CursorPage<BrowserRuntime> listRuntimes() {
    ApiRequest request = ApiRequest.get(RequestOptions.none(), "v1", "runtimes");
    return new ListEndpoint<>(client.transport(), request, BrowserRuntime.class).fetch(null);
  }

  private static String page(String item) {
    return "{\"data\":[" + item + "],\"nextCursor\":null}";
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyKindOfFieldDecodesIntoTheGeneratedModel() throws Exception {
    server.enqueue(json(200, page(RUNTIME)));

    BrowserRuntime runtime = listRuntimes().data().get(0);

    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/runtimes");
    assertThat(runtime.id()).isEqualTo("5f0c6f1e-0000-4000-8000-000000000001");
    assertThat(runtime.region()).isEqualTo(BrowserRuntimeRegion.EU_WEST);
    assertThat(runtime.owner().name()).isEqualTo("ana");
    assertThat(runtime.owner().team()).isEmpty();
    assertThat(runtime.sessions())
        .extracting(RuntimeSession::url)
        .containsExactly("https://a.example", "https://b.example");
    assertThat(runtime.sessions().get(0).pages()).contains(3L);
    assertThat(runtime.sessions().get(1).pages()).isEmpty();
    assertThat(runtime.startedAt()).contains(OffsetDateTime.parse("2024-06-10T15:22:30+02:00"));
    assertThat(runtime.memoryBytes()).isEqualTo(8_589_934_592L);
    assertThat(runtime.headless()).isTrue();
    assertThat(runtime.labels()).containsOnlyKeys("env", "tags");
    assertThat((List<Object>) runtime.labels().get("tags"))
        .containsExactly("a", Collections.singletonMap("b", 1));
    assertThat(runtime.stoppedReason()).isEmpty();
    assertThat(runtime.additionalProperties()).containsExactly(entry("gpu", "none"));
    assertThat(runtime.toBuilder().build()).isEqualTo(runtime).hasSameHashCodeAs(runtime);
  }

  private static Map.Entry<String, Object> entry(String key, Object value) {
    return new java.util.AbstractMap.SimpleEntry<>(key, value);
  }

  @Test
  void anEnumValueThisVersionDoesNotKnowKeepsItsWireString() {
    server.enqueue(json(200, page(RUNTIME.replace("\"eu-west\"", "\"mars-1\""))));

    BrowserRuntime runtime = listRuntimes().data().get(0);

    assertThat(runtime.region()).isEqualTo(BrowserRuntimeRegion.UNKNOWN);
    assertThat(runtime.regionValue()).isEqualTo("mars-1");
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"memoryBytes\":8589934592' | '\"memoryBytes\":\"1\"'"
            + " | 'data[0].memoryBytes: expected an integer, got a string'",
        "'\"headless\":true' | '\"headless\":\"true\"'"
            + " | 'data[0].headless: expected a boolean, got a string'",
        "'\"headless\":true' | '\"headless\":1'"
            + " | 'data[0].headless: expected a boolean, got a number'",
        "'\"headless\":true,' | ''" + " | 'data[0].headless: required field is missing'",
        "'\"startedAt\":\"2024-06-10T15:22:30+02:00\"' | '\"startedAt\":5'"
            + " | 'data[0].startedAt: expected an ISO-8601 date-time with offset, got a number'",
        "'\"owner\":{\"name\":\"ana\",' | '\"owner\":{'"
            + " | 'data[0].owner.name: required field is missing'",
        "'{\"url\":\"https://b.example\"}' | '{\"pages\":1}'"
            + " | 'data[0].sessions[1].url: required field is missing'",
        "'{\"url\":\"https://b.example\"}' | 'null'"
            + " | 'data[0].sessions[1]: expected an object, got null'",
        "'\"sessions\":[' | '\"sessions\":{\"x\":[' | 'data[0].sessions: expected an array'",
        "'\"labels\":{' | '\"labels\":[{' | 'data[0].labels: expected an object, got an array'",
        "'\"stoppedReason\":null,' | ''" + " | 'data[0].stoppedReason: required field is missing'",
        "'\"region\":\"eu-west\"' | '\"region\":null'"
            + " | 'data[0].region: expected a string, got null'",
      })
  void aValueOfTheWrongKindIsRefusedWithItsPath(String field, String wrong, String message) {
    String body = page(RUNTIME.replace(field, wrong));
    assertThat(body).as("the fixture changed").isNotEqualTo(page(RUNTIME));
    server.enqueue(json(200, body));

    BctrlDecodeException failure =
        catchThrowableOfType(BctrlDecodeException.class, this::listRuntimes);

    assertThat(failure).as("a BctrlDecodeException").isNotNull();
    assertThat(failure.getMessage()).contains(message);
    assertThat(failure.rawBody()).isEqualTo(body);
  }
}
