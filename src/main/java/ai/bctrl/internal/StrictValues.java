package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.Collection;

/**
 * What databind's own configuration (see {@link Json}) leaves to the SDK: timestamps in the forms
 * the README promises, strings on databind 2.13 (it reads a number or boolean as its text, whatever
 * the coercion configs say), and the plain words for values and types in decode messages.
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
    if (!honoursCoercionConfigsForStrings()) {
      module.addDeserializer(String.class, new Text());
    }
    return module.addDeserializer(OffsetDateTime.class, new Timestamp());
  }

  /** Whether the running databind checks coercion into strings (2.14 and later). */
  static boolean honoursCoercionConfigsForStrings() {
    Version databind = PackageVersion.VERSION;
    return databind.getMajorVersion() > 2 || databind.getMinorVersion() >= 14;
  }

  /** A refusal whose message is already the problem in plain words. */
  static final class Refused extends MismatchedInputException {
    private static final long serialVersionUID = 1L;

    Refused(JsonParser parser, String problem) {
      super(parser, problem, (Class<?>) null);
    }
  }

  /** Names the parser's current token as a person would: "a string", "end of input". */
  static String describe(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "end of input";
    }
    switch (token) {
      case START_OBJECT:
      case FIELD_NAME:
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

  static String expected(Class<?> type) {
    if (type == null) {
      return "a value";
    } else if (type == String.class) {
      return "a string";
    } else if (type == Long.class || type == long.class) {
      return "an integer";
    } else if (type == Boolean.class) {
      return "a boolean";
    } else if (Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date-time with offset";
    } else if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  static Refused expected(JsonParser parser, String expected) {
    return new Refused(parser, "expected " + expected + ", got " + describe(parser));
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
}
