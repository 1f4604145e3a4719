package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * The SDK's read limits, the same on every supported Jackson: Jackson's own {@code
 * StreamReadConstraints} where the running Jackson has all four (2.16 and later; 2.15 has no limit
 * on names, 2.13 and 2.14 none at all), else this parser's checks on every token, skipped values
 * included. No Jackson limits a string it skips unread, but a body of at most {@link
 * #MAX_STRING_LENGTH} bytes cannot hold a longer one, so only a larger body needs this for that.
 */
final class BoundedParser extends JsonParserDelegate {
  static final int MAX_DEPTH = 500; // the body itself is level 1
  static final int MAX_NAME_LENGTH = 50_000;
  static final int MAX_NUMBER_LENGTH = 1_000; // digits, the exponent's too, as Jackson 2.15+ counts
  static final int MAX_STRING_LENGTH = 20_000_000;

  private static final String TOO_DEEP = "nesting deeper than " + MAX_DEPTH + " levels";
  private static final String NAME_TOO_LONG =
      "a name of more than " + MAX_NAME_LENGTH + " characters";
  private static final String NUMBER_TOO_LONG =
      "a number of more than " + MAX_NUMBER_LENGTH + " digits";
  private static final String STRING_TOO_LONG =
      "a string of more than " + MAX_STRING_LENGTH + " characters";

  private final boolean checkStrings;
  private int depth;

  private BoundedParser(JsonParser parser, boolean checkStrings) {
    super(parser);
    this.checkStrings = checkStrings;
  }

  /** Sets the limits on the factory if the running Jackson has all four; returns whether it did. */
  static boolean imposeOn(JsonFactory factory) {
    try { // by reflection: the SDK compiles against 2.13
      Class<?> constraints =
          Class.forName(
              "com.fasterxml.jackson.core.StreamReadConstraints",
              false,
              JsonFactory.class.getClassLoader());
      Method builder = constraints.getMethod("builder");
      Class<?> type = builder.getReturnType();
      Object limits = builder.invoke(null);
      type.getMethod("maxNestingDepth", int.class).invoke(limits, MAX_DEPTH);
      type.getMethod("maxNameLength", int.class).invoke(limits, MAX_NAME_LENGTH); // 2.16+
      type.getMethod("maxNumberLength", int.class).invoke(limits, MAX_NUMBER_LENGTH);
      type.getMethod("maxStringLength", int.class).invoke(limits, MAX_STRING_LENGTH);
      Object built = type.getMethod("build").invoke(limits);
      JsonFactory.class.getMethod("setStreamReadConstraints", constraints).invoke(factory, built);
      return true;
    } catch (ReflectiveOperationException | LinkageError olderJackson) {
      return false;
    }
  }

  /** The parser a body of {@code length} bytes is read through. */
  static JsonParser bound(JsonParser parser, int length, boolean jacksonHasLimits) {
    boolean checkStrings = length > MAX_STRING_LENGTH;
    return jacksonHasLimits && !checkStrings ? parser : new BoundedParser(parser, checkStrings);
  }

  // JsonParser's nextFieldName(), nextTextValue() and the like all come through here.
  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token = delegate.nextToken();
    if (token != null) {
      check(token);
    }
    return token;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken token = nextToken();
    return token == JsonToken.FIELD_NAME ? nextToken() : token;
  }

  /** Token by token, not the parser's own skip, so that what is skipped is checked too. */
  @Override
  public JsonParser skipChildren() throws IOException {
    if (currentToken() == JsonToken.START_OBJECT || currentToken() == JsonToken.START_ARRAY) {
      int open = depth; // check() counts the levels: this one ends when depth drops below it
      JsonToken token = JsonToken.NOT_AVAILABLE;
      while (depth >= open && token != null) {
        token = nextToken();
      }
    }
    return this;
  }

  private void check(JsonToken token) throws IOException {
    if (token.isStructStart()) {
      limit(++depth, MAX_DEPTH, TOO_DEEP);
    } else if (token.isStructEnd()) {
      depth--;
    } else if (token == JsonToken.FIELD_NAME) {
      limit(delegate.currentName().length(), MAX_NAME_LENGTH, NAME_TOO_LONG);
    } else if (token.isNumeric() && delegate.getTextLength() > MAX_NUMBER_LENGTH) {
      // The text's length bounds its digits: count them only when it could be over.
      limit(digits(), MAX_NUMBER_LENGTH, NUMBER_TOO_LONG);
    } else if (token == JsonToken.VALUE_STRING && checkStrings) {
      // Also reads a string databind would skip unread, so that its length is known.
      limit(delegate.getTextLength(), MAX_STRING_LENGTH, STRING_TOO_LONG);
    }
  }

  private int digits() throws IOException {
    char[] text = delegate.getTextCharacters();
    int digits = 0;
    for (int i = delegate.getTextOffset(), end = i + delegate.getTextLength(); i < end; i++) {
      if (text[i] >= '0' && text[i] <= '9') {
        digits++;
      }
    }
    return digits;
  }

  private void limit(int length, int max, String problem) throws IOException {
    if (length > max) {
      throw new StrictValues.Refused(this, problem);
    }
  }

  /** A failure of Jackson 2.15+'s limits in the SDK's words if it is at ours; else null. */
  static String inOurWords(IOException e) {
    if (!e.getClass()
        .getName()
        .equals("com.fasterxml.jackson.core.exc.StreamConstraintsException")) {
      return null;
    }
    // e.g. "Number value length (1001) exceeds the maximum allowed (1000, from `...`)"
    String message = ((JsonProcessingException) e).getOriginalMessage();
    if (message.contains("nesting depth") && allows(message, MAX_DEPTH)) {
      return TOO_DEEP;
    } else if (message.startsWith("Number value length") && allows(message, MAX_NUMBER_LENGTH)) {
      return NUMBER_TOO_LONG;
    } else if (message.startsWith("String value length") && allows(message, MAX_STRING_LENGTH)) {
      return STRING_TOO_LONG;
    } else if (message.startsWith("Name length") && allows(message, MAX_NAME_LENGTH)) {
      return NAME_TOO_LONG;
    }
    return message;
  }

  private static boolean allows(String message, int max) {
    return message.contains("maximum allowed (" + max + ",");
  }
}
