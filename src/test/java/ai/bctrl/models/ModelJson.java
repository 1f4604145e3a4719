package ai.bctrl.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bctrl.internal.SdkJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * Hand-owned helper of the generated model tests ({@code openapi/templates/model_test.mustache}):
 * example wire values, and the checks each model's test runs with a user's plain {@code
 * ObjectMapper} and with the SDK's.
 */
final class ModelJson {
  /** A field no spec has: what a newer API might add. */
  static final String UNKNOWN_FIELD = "someFutureField";

  /**
   * A JSON object of every kind of value (an escape, integers beyond long, null at two depths,
   * empty containers); no fraction, which a plain mapper reads as a double and the SDK as a
   * BigDecimal.
   */
  static final String ANY_OBJECT =
      "{\"text\":\"t \\u00e9\\\"\",\"whole\":7,\"huge\":123456789012345678901,\"flag\":false,"
          + "\"none\":null,\"list\":[1,\"two\",null,[],{}],\"object\":{\"k\":{\"deeper\":null}}}";

  /** Not UTC and with a fraction: a mapper that adjusts to UTC, or drops digits, is caught. */
  static final String TIMESTAMP = "\"2024-06-10T15:22:30.5+05:30\"";

  static final String DATE = "\"2024-06-10\"";

  /** Beyond a double's exact integers. */
  static final String WHOLE_NUMBER = "9007199254740993";

  /** With a trailing zero a double would lose. */
  static final String DECIMAL = "12.50";

  private static final ObjectMapper TREES = new ObjectMapper();

  private ModelJson() {}

  /** What the issue names: JavaTimeModule, and dates written as strings. */
  static ObjectMapper plainMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** JavaTimeModule and nothing else configured. */
  static ObjectMapper bareMapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule());
  }

  static String string(String text) {
    try {
      return TREES.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** A JSON object of {@code namesAndValues}: name, JSON text, name, JSON text... */
  static String object(String[] namesAndValues) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      json.append(i == 0 ? "" : ",").append(string(namesAndValues[i])).append(':');
      json.append(namesAndValues[i + 1]);
    }
    return json.append('}').toString();
  }

  /**
   * Reads {@code json} as the SDK does; every property of the spec must bind to its own field. Then
   * a plain mapper, a bare one and the SDK's each write the model as {@code json} (the same tree)
   * and read that back equal; and a plain mapper reads {@code json} as the SDK does.
   */
  static <T> void assertRoundTrip(String json, Class<T> type) throws Exception {
    T model = SdkJson.read(json, type);
    assertThat(additionalProperties(model).keySet())
        .as("properties not bound to a field of %s", type.getSimpleName())
        .isSubsetOf(UNKNOWN_FIELD);
    JsonNode wire = TREES.readTree(json);
    for (ObjectMapper mapper : new ObjectMapper[] {plainMapper(), bareMapper()}) {
      String written = mapper.writeValueAsString(model);
      assertThat(TREES.readTree(written)).as("a plain mapper wrote %s", written).isEqualTo(wire);
      assertThat(mapper.readValue(written, type)).as("read back from %s", written).isEqualTo(model);
      assertThat(SdkJson.read(written, type)).as("the SDK read %s", written).isEqualTo(model);
    }
    String written = SdkJson.write(model);
    assertThat(TREES.readTree(written)).as("the SDK's mapper wrote %s", written).isEqualTo(wire);
    assertThat(SdkJson.read(written, type)).as("read back from %s", written).isEqualTo(model);
    assertThat(plainMapper().readValue(json, type)).as("a plain mapper read").isEqualTo(model);
  }

  /** The SDK and a plain mapper each read {@code json} as the model of {@code same}. */
  static <T> void assertReadAs(String json, String same, Class<T> type) throws Exception {
    T expected = SdkJson.read(same, type);
    assertThat(SdkJson.read(json, type)).as("the SDK read %s", json).isEqualTo(expected);
    assertThat(plainMapper().readValue(json, type))
        .as("a plain mapper read %s", json)
        .isEqualTo(expected);
  }

  /**
   * {@code name} left out of {@code json} is refused naming it, as JSON null too unless the spec
   * lets it be null (then it reads as null).
   */
  static <T> void assertRequired(String json, String name, boolean nullable, Class<T> type)
      throws Exception {
    ObjectNode missing = (ObjectNode) TREES.readTree(json);
    missing.remove(name);
    assertThatThrownBy(() -> SdkJson.read(missing.toString(), type))
        .as("%s missing", name)
        .hasMessage(name + ": required field is missing");
    ObjectNode nulled = (ObjectNode) TREES.readTree(json);
    nulled.putNull(name);
    if (nullable) {
      assertThat(TREES.readTree(SdkJson.write(SdkJson.read(nulled.toString(), type))))
          .as("%s null is kept, and written", name)
          .isEqualTo(nulled);
    } else {
      assertThatThrownBy(() -> SdkJson.read(nulled.toString(), type))
          .as("%s null", name)
          .hasMessageStartingWith(name + ": expected ")
          .hasMessageEndingWith(", got null");
    }
  }

  /** Every mapper writes {@code constant} as {@code wire} and reads it back. */
  static <E extends Enum<E>> void assertConstant(E constant, String wire) throws Exception {
    String json = string(wire);
    for (ObjectMapper mapper : new ObjectMapper[] {plainMapper(), bareMapper()}) {
      assertThat(mapper.writeValueAsString(constant)).isEqualTo(json);
      assertThat(mapper.readValue(json, constant.getDeclaringClass())).isSameAs(constant);
    }
    assertThat(SdkJson.write(constant)).isEqualTo(json);
    assertThat(SdkJson.read(json, constant.getDeclaringClass())).isSameAs(constant);
  }

  /** A wire string this version does not know reads as {@code unknown}, on every mapper. */
  static <E extends Enum<E>> void assertUnknownConstant(E unknown) throws Exception {
    String json = string("not_known_yet");
    assertThat(plainMapper().readValue(json, unknown.getDeclaringClass())).isSameAs(unknown);
    assertThat(SdkJson.read(json, unknown.getDeclaringClass())).isSameAs(unknown);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> additionalProperties(Object model) throws Exception {
    return (Map<String, ?>) model.getClass().getMethod("additionalProperties").invoke(model);
  }
}
