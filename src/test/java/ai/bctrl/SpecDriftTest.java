package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.models.ErrorResponse;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationError;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.models.ReasonClass;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails when {@code openapi/openapi.yaml} names a property, enum value or query parameter that the
 * models have no counterpart for, so that a spec update cannot silently outrun the SDK.
 */
class SpecDriftTest {
  private static JsonNode spec;

  @BeforeAll
  static void readSpec() throws Exception {
    spec = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi/openapi.yaml"));
  }

  private static JsonNode schema(String name) {
    JsonNode node = spec.path("components").path("schemas").path(name);
    assertThat(node.isMissingNode()).as("schema %s is in the spec", name).isFalse();
    return node;
  }

  private static Set<String> properties(String schemaName) {
    Set<String> names = new TreeSet<>();
    schema(schemaName).path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> enumValues(String schemaName) {
    Set<String> values = new TreeSet<>();
    schema(schemaName).path("enum").forEach(v -> values.add(v.asText()));
    assertThat(values).as("enum values of %s", schemaName).isNotEmpty();
    return values;
  }

  private static Set<String> accessors(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0)
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static <E extends Enum<E>> Set<String> wireValues(
      Class<E> type, Function<E, String> value) {
    return Arrays.stream(type.getEnumConstants())
        .map(value)
        .filter(v -> v != null)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyInvocationSummaryPropertyHasAnAccessor() {
    assertThat(accessors(InvocationSummary.class)).containsAll(properties("InvocationSummary"));
  }

  @Test
  void everyInvocationErrorPropertyHasAnAccessor() {
    assertThat(accessors(InvocationError.class)).containsAll(properties("InvocationSummaryError"));
  }

  @Test
  void everyErrorResponsePropertyHasAnAccessor() {
    assertThat(accessors(ErrorResponse.class)).containsAll(properties("ErrorResponse"));
  }

  @Test
  void everyListEnvelopePropertyHasAnAccessor() {
    assertThat(accessors(CursorPage.class)).containsAll(properties("RunInvocationListResponse"));
  }

  @Test
  void statusEnumsMatchTheSpecExactly() {
    Set<String> ours = wireValues(InvocationStatus.class, InvocationStatus::value);
    assertThat(ours).isEqualTo(enumValues("InvocationSummaryStatus"));
    assertThat(ours).isEqualTo(enumValues("V1RunsRunIdInvocationsGetParametersStatus0"));
    assertThat(ours)
        .isEqualTo(enumValues("V1RunsRunIdInvocationsGetParametersStatusSchemaOneOf1Items"));
  }

  @Test
  void actionEnumsMatchTheSpecExactly() {
    Set<String> ours = wireValues(InvocationAction.class, InvocationAction::value);
    assertThat(ours).isEqualTo(enumValues("InvocationSummaryAction"));
    assertThat(ours).isEqualTo(enumValues("V1RunsRunIdInvocationsGetParametersAction0"));
    assertThat(ours)
        .isEqualTo(enumValues("V1RunsRunIdInvocationsGetParametersActionSchemaOneOf1Items"));
  }

  @Test
  void reasonClassMatchesTheSpecExactly() {
    assertThat(wireValues(ReasonClass.class, ReasonClass::value))
        .isEqualTo(enumValues("ErrorResponseReasonClass"));
  }

  @Test
  void everyQueryParameterHasABuilderSetter() {
    JsonNode parameters =
        spec.path("paths").path("/v1/runs/{runId}/invocations").path("get").path("parameters");
    List<String> query = new ArrayList<>();
    parameters.forEach(
        p -> {
          if (p.path("in").asText().equals("query")) {
            query.add(p.path("name").asText());
          }
        });
    assertThat(query).isNotEmpty();
    Set<String> setters =
        Arrays.stream(ListInvocationsParams.Builder.class.getMethods())
            .map(Method::getName)
            .collect(Collectors.toSet());
    assertThat(setters).containsAll(query);
  }

  @Test
  void listLimitDefaultIsWhatTheDocsSay() {
    JsonNode parameters =
        spec.path("paths").path("/v1/runs/{runId}/invocations").path("get").path("parameters");
    List<Integer> defaults = new ArrayList<>();
    parameters.forEach(
        p -> {
          if (p.path("name").asText().equals("limit")) {
            defaults.add(p.path("schema").path("default").asInt());
          }
        });
    assertThat(defaults).containsExactly(50);
  }
}
