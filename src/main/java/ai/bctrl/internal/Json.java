package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SDK's one Jackson configuration and the typed reads every model reader shares. Readers stream
 * with {@link JsonParser}; the mapper is used only for JSON of no fixed shape ({@code details},
 * unknown fields), which becomes plain Java values.
 */
public final class Json {
  /** Configured once: building a mapper is expensive and it is thread-safe after configuration. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  /** Creates the streaming parsers every reader uses. */
  public static final JsonFactory FACTORY = MAPPER.getFactory();

  private Json() {}

  /** Reads a string field; {@code nullable} decides whether JSON null is accepted. */
  static String readString(JsonParser parser, String path, boolean nullable) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token == JsonToken.VALUE_NULL && nullable) {
      return null;
    }
    throw mismatch(parser, path, nullable ? "a string or null" : "a string");
  }

  /**
   * Returns {@code text}, the current string value's characters, or throws when the current token
   * is not a string; {@code nullable} only words the message, the caller having handled null.
   */
  static char[] chars(JsonParser parser, char[] text, String path, boolean nullable) {
    if (text == null) {
      throw mismatch(parser, path, nullable ? "a string or null" : "a string");
    }
    return text;
  }

  /** Reads an integral number field that may be null. */
  static Long readNullableLong(JsonParser parser, String path) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      try {
        return parser.getLongValue();
      } catch (IOException e) {
        throw new SchemaMismatch(path, "integer out of range: " + parser.getText(), e);
      }
    }
    throw mismatch(parser, path, "an integer or null");
  }

  /** Parses {@code length} characters at {@code start} as an ISO-8601 timestamp with an offset. */
  static OffsetDateTime timestamp(
      char[] text, int start, int length, String path, RepeatedValues repeats) {
    try {
      return Timestamps.parse(text, start, length, repeats);
    } catch (DateTimeException e) {
      String got = new String(text, start, length);
      throw new SchemaMismatch(
          path, "expected an ISO-8601 date-time with offset, got \"" + got + "\"", e);
    }
  }

  /**
   * Reads any JSON value as plain Java values: String, Integer/Long/BigInteger, Double, Boolean,
   * unmodifiable List, {@link JsonObject} (in document order) or null. Streamed directly: going
   * through the mapper costs a deserialization context per value.
   */
  static Object readAny(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT:
        return readFields(parser);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(readAny(parser));
        }
        return Collections.unmodifiableList(list);
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw mismatch(parser, "", "a JSON value");
    }
  }

  private static JsonObject readFields(JsonParser parser) throws IOException {
    JsonObject.Builder fields = new JsonObject.Builder();
    String field;
    while ((field = parser.nextFieldName()) != null) {
      parser.nextToken();
      fields.put(field, readAny(parser));
    }
    return fields.build();
  }

  /** Reads a JSON object of unknown shape; null gives null. */
  static JsonObject readObject(JsonParser parser, String path) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw mismatch(parser, path, "an object");
    }
    return readFields(parser);
  }

  static SchemaMismatch mismatch(JsonParser parser, String path, String expected) {
    JsonToken token = parser.currentToken();
    String got = token == null ? "end of input" : describe(token);
    return new SchemaMismatch(path, "expected " + expected + ", got " + got, null);
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.toString();
    }
  }
}
