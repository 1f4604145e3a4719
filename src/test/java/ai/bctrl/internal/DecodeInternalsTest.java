package ai.bctrl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoding pieces on their own, where the suite's bodies cannot reach a case. */
class DecodeInternalsTest {
  private static final JsonFactory FACTORY = new JsonFactory();

  private static String nested(int depth) {
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      json.append('[');
    }
    for (int i = 0; i < depth; i++) {
      json.append(']');
    }
    return json.toString();
  }

  /** A parser within the SDK's own checks, as on a Jackson without the limits. */
  private static JsonParser bounded(String json) throws Exception {
    return BoundedParser.bound(FACTORY.createParser(json), json.length(), false);
  }

  @Test
  void nextValueStepsOverTheNameToTheValue() throws Exception {
    try (JsonParser parser = bounded("{\"a\":7}")) {
      assertThat(parser.nextValue()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(parser.nextValue()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
      assertThat(parser.getCurrentName()).isEqualTo("a");
    }
  }

  @Test
  void nextValueIsHeldToTheNestingCap() throws Exception {
    try (JsonParser parser = bounded(nested(BoundedParser.MAX_DEPTH + 1))) {
      assertThatThrownBy(
              () -> {
                while (parser.nextValue() != null) {
                  // every level through nextValue
                }
              })
          .hasMessageContaining("nesting deeper than 500 levels");
    }
  }

  @Test
  void skippingReturnsTheParserAtTheEndOfWhatItSkipped() throws Exception {
    try (JsonParser parser = bounded("[[1,{\"a\":[2]}],3]")) {
      parser.nextToken();
      parser.nextToken();
      assertThat(parser.skipChildren()).isSameAs(parser);
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
      assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
      assertThat(parser.getIntValue()).isEqualTo(3);
      assertThat(parser.skipChildren()).isSameAs(parser); // a scalar: nothing to skip
      assertThat(parser.currentToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    }
  }

  @Test
  void tokensAreNamedAsAPersonWould() throws Exception {
    List<String> named = new java.util.ArrayList<>();
    try (JsonParser parser = FACTORY.createParser("{\"a\":[\"s\",1,1.5,true,false,null]}")) {
      named.add(StrictValues.describe(parser)); // before the first token
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        named.add(StrictValues.describe(parser));
      }
    }
    assertThat(named)
        .containsExactly(
            "end of input",
            "an object",
            "an object",
            "an array",
            "a string",
            "a number",
            "a number",
            "a boolean",
            "a boolean",
            "null",
            "END_ARRAY",
            "END_OBJECT");
  }

  @Test
  void expectedTypesAreNamedAsAPersonWould() {
    assertThat(
            Arrays.asList(
                StrictValues.expected((Class<?>) null),
                StrictValues.expected(String.class),
                StrictValues.expected(Long.class),
                StrictValues.expected(long.class),
                StrictValues.expected(Boolean.class),
                StrictValues.expected(OffsetDateTime.class),
                StrictValues.expected(List.class),
                StrictValues.expected(Object.class)))
        .containsExactly(
            "a value",
            "a string",
            "an integer",
            "an integer",
            "a boolean",
            "an ISO-8601 date-time with offset",
            "an array",
            "an object");
  }

  @Test
  void theModuleReadsTimestampsAndStringsOnlyWhereDatabindWouldCoerceThem() throws Exception {
    ObjectMapper mapper = JsonMapper.builder().addModule(StrictValues.module()).build();
    assertThat(mapper.readValue("\"2024-06-10T15:22:30+0200\"", OffsetDateTime.class))
        .isEqualTo(OffsetDateTime.parse("2024-06-10T15:22:30+02:00"));
    if (StrictValues.honoursCoercionConfigsForStrings()) {
      // Databind's default, which the SDK's mapper refuses by its coercion configs instead.
      assertThat(mapper.readValue("7", String.class)).isEqualTo("7");
    } else {
      assertThatThrownBy(() -> mapper.readValue("7", String.class))
          .isInstanceOf(MismatchedInputException.class)
          .hasMessageStartingWith("expected a string, got a number");
    }
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void aCodeUnitCutShortIsRefusedAtItsFirstByte() {
    assertThatThrownBy(() -> JsonText.parser(FACTORY, bytes(0x00, 0x37, 0x00)))
        .isInstanceOf(SchemaMismatch.class)
        .hasMessage("response body: not valid text in UTF-16BE: malformed at byte 2");
    assertThatThrownBy(() -> JsonText.parser(FACTORY, bytes(0x37, 0x00, 0x00, 0x00, 0x37, 0x00)))
        .isInstanceOf(SchemaMismatch.class)
        .hasMessage("response body: not valid text in UTF-32LE: malformed at byte 4");
  }

  @Test
  void aHighSurrogateLastIsRefusedAndAPairLastIsText() throws Exception {
    assertThatThrownBy(() -> JsonText.parser(FACTORY, bytes(0x00, 0x22, 0xD8, 0x3D)))
        .isInstanceOf(SchemaMismatch.class)
        .hasMessage("response body: not valid text in UTF-16BE: malformed at byte 2");
    // A quote and a pair, the pair ending the body: valid text, so the failure is JSON's own.
    try (JsonParser parser = JsonText.parser(FACTORY, bytes(0x00, 0x22, 0xD8, 0x3D, 0xDE, 0x00))) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
      assertThatThrownBy(parser::getText).isInstanceOf(JsonParseException.class);
    }
  }

  @Test
  void theEncodingAMarkNamesIsTheOneAnErrorNames() {
    assertThatThrownBy(() -> JsonText.parser(FACTORY, bytes(0xFF, 0xFE, 0x37, 0x00, 0x00, 0xDC)))
        .hasMessage("response body: not valid text in UTF-16LE: malformed at byte 4");
    assertThatThrownBy(() -> JsonText.parser(FACTORY, bytes(0xFE, 0xFF, 0x00, 0x37, 0xDC, 0x00)))
        .hasMessage("response body: not valid text in UTF-16BE: malformed at byte 4");
    assertThatThrownBy(
            () -> JsonText.parser(FACTORY, bytes(0xFF, 0xFE, 0x00, 0x00, 0x00, 0xDC, 0x00, 0x00)))
        .hasMessage(
            "response body: not valid text in UTF-32LE: an unpaired surrogate at character 0");
  }

  @Test
  void malformedUtf8IsFoundAfterAsciiAndAcrossTheDecodersBuffer() {
    byte[] valid = new byte[10_000];
    Arrays.fill(valid, (byte) 'a');
    for (int i = 1; i < valid.length; i += 2) {
      valid[i - 1] = (byte) 0xC3; // "é", 5,000 times: more than the decoder's buffer holds
      valid[i] = (byte) 0xA9;
    }
    assertThat(JsonText.malformedUtf8At(valid)).isEqualTo(-1);
    byte[] broken = Arrays.copyOf(valid, valid.length + 1);
    broken[valid.length] = (byte) 0xC3;
    assertThat(JsonText.malformedUtf8At(broken)).isEqualTo(valid.length);
    assertThat(JsonText.malformedUtf8At(bytes('a', 'b'))).isEqualTo(-1);
    assertThatThrownBy(() -> JsonText.parser(FACTORY, bytes(0xFF, '{', '}')))
        .hasMessage("response body: not valid text in UTF-8: malformed at byte 0");
    assertThat(JsonText.malformedUtf8At(bytes('a', 0xFF))).isEqualTo(1);
  }
}
