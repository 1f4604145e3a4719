package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.ReasonClass;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fails when {@code openapi/openapi.yaml} and the models disagree: a property's name, type,
 * required-ness or nullability, an enum value or a query parameter. The models are generated from
 * the spec ({@code openapi/generate}), so this catches a spec edit nobody regenerated from, in the
 * SDK's own test run.
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

  /** The curated types: what openapi/curation/overlay.yaml gives a property as its format. */
  private static Map<String, String> curatedFormats() throws Exception {
    Map<String, String> formats = new HashMap<>();
    JsonNode overlay =
        new ObjectMapper(new YAMLFactory()).readTree(new File("openapi/curation/overlay.yaml"));
    for (JsonNode action : overlay.path("actions")) {
      String format = action.path("update").path("format").asText(null);
      if (format != null) {
        formats.put(action.path("target").asText(), format);
      }
    }
    return formats;
  }

  /**
   * What the spec says of one property, in the model's terms: the Java type its accessor must
   * return, and whether that is wrapped in Optional (absent or null allowed).
   */
  private static String expectedAccessor(String schemaName, String property) throws Exception {
    JsonNode schema = schema(schemaName);
    JsonNode node = schema.path("properties").path(property);
    boolean required = false;
    for (JsonNode name : schema.path("required")) {
      required |= name.asText().equals(property);
    }
    boolean nullable = false;
    if (node.has("oneOf")) {
      JsonNode nonNull = null;
      for (JsonNode option : node.get("oneOf")) {
        if (option.path("type").asText().equals("null")) {
          nullable = true;
        } else {
          nonNull = option;
        }
      }
      node = nonNull;
    }
    String type = node.path("type").asText();
    if (node.path("type").isArray()) {
      for (JsonNode t : node.get("type")) {
        if (t.asText().equals("null")) {
          nullable = true;
        } else {
          type = t.asText();
        }
      }
    }
    String format =
        curatedFormats()
            .getOrDefault(
                "$.components.schemas." + schemaName + ".properties." + property,
                node.path("format").asText());
    String java;
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      JsonNode target = schema(ref.substring(ref.lastIndexOf('/') + 1));
      java = target.has("enum") ? "enum" : "object";
    } else if (type.equals("string")) {
      java = format.equals("date-time") ? "java.time.OffsetDateTime" : "java.lang.String";
    } else if (type.equals("integer")) {
      java = "java.lang.Long";
    } else if (type.equals("boolean")) {
      java = "java.lang.Boolean";
    } else if (type.equals("array")) {
      return "java.util.List";
    } else if (type.equals("object")) {
      return "java.util.Map";
    } else {
      throw new AssertionError(schemaName + "." + property + ": no rule for type " + type);
    }
    return (required && !nullable ? "" : "Optional ") + java;
  }

  /** The model's side: its accessor's type in the same terms (enums by their *Value accessor). */
  private static String actualAccessor(Class<?> model, String property) throws Exception {
    Method accessor = model.getMethod(property);
    Class<?> raw = accessor.getReturnType();
    if (raw.isEnum()) {
      Type value = model.getMethod(property + "Value").getGenericReturnType();
      return (value.equals(String.class) ? "" : "Optional ") + "enum";
    }
    if (raw == List.class || raw == Map.class) {
      return raw.getName();
    }
    Type type = accessor.getGenericReturnType();
    String prefix = "";
    if (raw == Optional.class) {
      prefix = "Optional ";
      type = ((ParameterizedType) type).getActualTypeArguments()[0];
      raw = (Class<?>) type;
    }
    String java = raw.getName().startsWith("ai.bctrl.models.") ? "object" : raw.getName();
    return prefix + java;
  }

  /** The wire names the model's builder binds, on its fields or its setters. */
  private static Set<String> boundNames(Class<?> model) throws Exception {
    Class<?> builder = Class.forName(model.getName() + "$Builder");
    Set<String> names = new TreeSet<>();
    List<AnnotatedElement> members = new ArrayList<>(Arrays.asList(builder.getDeclaredMethods()));
    members.addAll(Arrays.asList(builder.getDeclaredFields()));
    for (AnnotatedElement member : members) {
      JsonProperty property = member.getAnnotation(JsonProperty.class);
      if (property != null) {
        names.add(property.value());
      }
    }
    return names;
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "InvocationSummary, ai.bctrl.models.InvocationSummary",
    "InvocationSummaryError, ai.bctrl.models.InvocationError",
    "ErrorResponse, ai.bctrl.models.ErrorResponse",
  })
  void everyPropertyHasTheSpecsNameTypeRequirednessAndNullability(
      String schemaName, String modelName) throws Exception {
    Class<?> model = Class.forName(modelName);
    assertThat(boundNames(model))
        .as("wire names %s binds", modelName)
        .isEqualTo(properties(schemaName));
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    for (String property : properties(schemaName)) {
      expected.put(property, expectedAccessor(schemaName, property));
      actual.put(property, actualAccessor(model, property));
    }
    assertThat(actual)
        .as(
            "%s against the spec's %s: run openapi/generate after a spec change",
            modelName, schemaName)
        .isEqualTo(expected);
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
