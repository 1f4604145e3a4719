package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Map;

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

  // ISO-8601 with the offset written as Z, +02:00, +0200 or +02; fractions of any length.
  private static final DateTimeFormatter OFFSET_DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHmm", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

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

  /** Reads an ISO-8601 timestamp with an offset; null is accepted only when {@code nullable}. */
  static OffsetDateTime readTimestamp(JsonParser parser, String path, boolean nullable)
      throws IOException {
    String text = readString(parser, path, nullable);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new SchemaMismatch(
          path, "expected an ISO-8601 date-time with offset, got \"" + text + "\"", e);
    }
  }

  /** Reads any JSON value as plain Java values: String, Number, Boolean, List, Map or null. */
  static Object readAny(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    return MAPPER.readValue(parser, Object.class);
  }

  /** Reads a JSON object of unknown shape; null gives null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> readObject(JsonParser parser, String path) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw mismatch(parser, path, "an object");
    }
    return (Map<String, Object>) MAPPER.readValue(parser, Map.class);
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
