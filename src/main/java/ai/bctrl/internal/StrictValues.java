package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value types the models bind, read strictly: no coercion between JSON types, on every Jackson
 * version the SDK supports (2.13 ignores coercion configs for strings). A value of the wrong type
 * is refused with a message that says what was expected and what came.
 */
final class StrictValues {
  // One offset each, so that an offset written twice ("ZZ", "+05:30+0530") is refused.
  private static final DateTimeFormatter[] TIMESTAMP_FORMS = {
    timestampForm("+HH:MM"), // Z, +02:00
    timestampForm("+HHmm"), // +0200, +02
  };

  private StrictValues() {}

  static Module module() {
    SimpleModule module = new SimpleModule("bctrl-strict-values");
    module.addDeserializer(String.class, new Text());
    module.addDeserializer(Long.class, new WholeNumber());
    module.addDeserializer(Boolean.class, new Truth());
    module.addDeserializer(OffsetDateTime.class, new Timestamp());
    module.addDeserializer(Object.class, new AnyValue());
    return module;
  }

  /** Thrown by these deserializers; its message is already the plain-words problem. */
  static final class Refused extends MismatchedInputException {
    private static final long serialVersionUID = 1L;

    Refused(JsonParser parser, String problem) {
      super(parser, problem, (Class<?>) null);
    }
  }

  static Refused expected(JsonParser parser, String expected) {
    return new Refused(parser, "expected " + expected + ", got " + Shapes.describe(parser));
  }

  /**
   * ISO-8601 as the README promises: seconds optional, one to nine fraction digits (a bare point is
   * refused, as ISO_LOCAL_TIME would take it), one offset.
   */
  private static DateTimeFormatter timestampForm(String offsetPattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .appendLiteral('T')
        .appendValue(ChronoField.HOUR_OF_DAY, 2)
        .appendLiteral(':')
        .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
        .optionalStart()
        .appendLiteral(':')
        .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
        .optionalStart()
        .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
        .optionalEnd()
        .optionalEnd()
        .appendOffset(offsetPattern, "Z")
        .toFormatter()
        // STRICT: February 30th is an error, not March 1st.
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static final class Text extends StdDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        return parser.getText();
      }
      throw expected(parser, "a string");
    }
  }

  private static final class WholeNumber extends StdDeserializer<Long> {
    private static final long serialVersionUID = 1L;

    WholeNumber() {
      super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
        throw expected(parser, "an integer");
      }
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw new Refused(
            parser, "expected an integer, got " + parser.getText() + " (out of range)");
      }
      return parser.getLongValue();
    }
  }

  /** true or false; not "true", not 1 (databind coerces both by default). */
  private static final class Truth extends StdDeserializer<Boolean> {
    private static final long serialVersionUID = 1L;

    Truth() {
      super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.hasToken(JsonToken.VALUE_TRUE) || parser.hasToken(JsonToken.VALUE_FALSE)) {
        return parser.getBooleanValue();
      }
      throw expected(parser, "a boolean");
    }
  }

  private static final class Timestamp extends StdDeserializer<OffsetDateTime> {
    private static final long serialVersionUID = 1L;

    Timestamp() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String expected = "an ISO-8601 date-time with offset";
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        // Not epoch seconds, as JSR-310's own deserializer would read a number.
        throw expected(parser, expected);
      }
      String text = parser.getText();
      for (DateTimeFormatter form : TIMESTAMP_FORMS) {
        try {
          return OffsetDateTime.parse(text, form);
        } catch (DateTimeException tryTheNextForm) {
          // Refused below if no form accepts it.
        }
      }
      throw new Refused(parser, "expected " + expected + ", got \"" + text + "\"");
    }
  }

  /**
   * Any JSON value as plain Java values (String, Number, Boolean, List, Map, null). Numbers are the
   * numbers sent: an integer as Integer, Long or BigInteger (the smallest that holds it), any other
   * number as a BigDecimal with the digits and scale written, never a rounded double. Its depth is
   * bounded by {@link BoundedParser}, which every body is read through.
   */
  private static final class AnyValue extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    AnyValue() {
      super(Object.class);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
        case FIELD_NAME: // Jackson may hand over an object with its first name already read.
          return readObject(parser, context);
        case START_ARRAY:
          return readArray(parser, context);
        case VALUE_STRING:
          return parser.getText();
        case VALUE_NUMBER_INT:
          return parser.getNumberValue();
        case VALUE_NUMBER_FLOAT:
          return decimal(parser);
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_NULL:
          return null;
        default:
          throw expected(parser, "a JSON value");
      }
    }

    private static BigDecimal decimal(JsonParser parser) throws IOException {
      try {
        return parser.getDecimalValue();
      } catch (JsonParseException | NumberFormatException e) {
        // An exponent beyond BigDecimal's int scale, e.g. 1e2147483648.
        throw new Refused(parser, "number out of range: " + parser.getText());
      }
    }

    private Map<String, Object> readObject(JsonParser parser, DeserializationContext context)
        throws IOException {
      Map<String, Object> object = new LinkedHashMap<>();
      String name =
          parser.hasToken(JsonToken.FIELD_NAME) ? parser.currentName() : parser.nextFieldName();
      for (; name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        object.put(name, deserialize(parser, context));
      }
      return object;
    }

    private List<Object> readArray(JsonParser parser, DeserializationContext context)
        throws IOException {
      List<Object> array = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(deserialize(parser, context));
      }
      return array;
    }
  }
}
