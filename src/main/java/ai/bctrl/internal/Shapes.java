package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.time.temporal.Temporal;
import java.util.Collection;

/** JSON values and the types the models expect, named in plain words for decode messages. */
final class Shapes {
  private Shapes() {}

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
    } else if (type == Long.class || type == long.class || type == Integer.class) {
      return "an integer";
    } else if (type == Boolean.class) {
      return "a boolean";
    } else if (Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 date-time with offset";
    } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
