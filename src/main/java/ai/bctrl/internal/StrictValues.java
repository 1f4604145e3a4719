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
import java.util.function.Function;

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
      module.addDeserializer(String.class, new FromString<>(String.class, text -> text));
    }
    return module.addDeserializer(
        OffsetDateTime.class, new FromString<>(OffsetDateTime.class, StrictValues::timestamp));
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
    } else if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME) {
      return "an object";
    } else if (token == JsonToken.START_ARRAY) {
      return "an array";
    } else if (token == JsonToken.VALUE_STRING) {
      return "a string";
    } else if (token.isNumeric()) {
      return "a number";
    } else if (token.isBoolean()) {
      return "a boolean";
    }
    return token == JsonToken.VALUE_NULL ? "null" : token.toString();
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

  private static OffsetDateTime timestamp(String text) {
    for (DateTimeFormatter form : TIMESTAMP_FORMS) {
      try {
        return OffsetDateTime.parse(text, form);
      } catch (DateTimeException tryTheNextForm) {
        // Refused by the caller if no form accepts it.
      }
    }
    return null;
  }

  /** A JSON string, read by a function that returns null for text it refuses; else refused. */
  @SuppressWarnings("serial") // a deserializer is never serialized
  private static final class FromString<T> extends StdDeserializer<T> {
    private final Function<String, T> read;

    FromString(Class<T> type, Function<String, T> read) {
      super(type);
      this.read = read;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String expected = expected(handledType());
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        // Not epoch seconds for a timestamp, as JSR-310's own deserializer would read a number.
        throw expected(parser, expected);
      }
      T value = read.apply(parser.getText());
      if (value == null) {
        throw new Refused(parser, "expected " + expected + ", got \"" + parser.getText() + "\"");
      }
      return value;
    }
  }
}
