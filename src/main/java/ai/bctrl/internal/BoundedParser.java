package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * The SDK's read limits, checked on every token of a body, the values databind skips included.
 *
 * <p>Jackson 2.13 has no limits of its own; 2.15 and later have defaults (nesting 1,000 levels,
 * numbers 1,000 digits, strings 20,000,000 characters, names 50,000 from 2.16). These limits are at
 * or under those, and a failure of Jackson's own is put in the same words, so that one set of
 * limits applies, and reads the same, on every Jackson the SDK supports.
 */
final class BoundedParser extends JsonParserDelegate {
  /** Levels of objects and arrays, the body itself being level 1. */
  static final int MAX_DEPTH = 500;

  static final int MAX_NAME_LENGTH = 50_000;

  /** Digits of a number, its exponent's included, counted as Jackson 2.15+ counts them. */
  static final int MAX_NUMBER_LENGTH = 1_000;

  static final int MAX_STRING_LENGTH = 20_000_000;

  private static final String TOO_DEEP = "nesting deeper than " + MAX_DEPTH + " levels";
  private static final String NAME_TOO_LONG =
      "a name of more than " + MAX_NAME_LENGTH + " characters";
  private static final String NUMBER_TOO_LONG =
      "a number of more than " + MAX_NUMBER_LENGTH + " digits";
  private static final String STRING_TOO_LONG =
      "a string of more than " + MAX_STRING_LENGTH + " characters";

  private static final String JACKSONS_LIMIT =
      "com.fasterxml.jackson.core.exc.StreamConstraintsException";

  private int depth;

  BoundedParser(JsonParser parser) {
    super(parser);
  }

  // JsonParser's nextFieldName(), nextTextValue() and the like all come through here.
  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken token;
    try {
      token = delegate.nextToken();
    } catch (JsonProcessingException e) {
      throw inOurWords(e);
    }
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
    if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while (open > 0) {
      JsonToken token = nextToken();
      if (token == null) {
        break;
      } else if (token.isStructStart()) {
        open++;
      } else if (token.isStructEnd()) {
        open--;
      }
    }
    return this;
  }

  private void check(JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
      case START_ARRAY:
        if (++depth > MAX_DEPTH) {
          throw new StrictValues.Refused(this, TOO_DEEP);
        }
        break;
      case END_OBJECT:
      case END_ARRAY:
        depth--;
        break;
      case FIELD_NAME:
        limit(delegate.currentName().length(), MAX_NAME_LENGTH, NAME_TOO_LONG);
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        limit(digits(), MAX_NUMBER_LENGTH, NUMBER_TOO_LONG);
        break;
      case VALUE_STRING:
        int length;
        try {
          // Also reads a string databind would skip unread, so that its length is known.
          length = delegate.getTextLength();
        } catch (JsonProcessingException e) {
          throw inOurWords(e);
        }
        limit(length, MAX_STRING_LENGTH, STRING_TOO_LONG);
        break;
      default:
        break;
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

  /** Jackson 2.15+'s own limit failures, at the SDK's limits, in the SDK's words. */
  private JsonProcessingException inOurWords(JsonProcessingException e) {
    if (!e.getClass().getName().equals(JACKSONS_LIMIT)) {
      return e;
    }
    // e.g. "Number value length (1001) exceeds the maximum allowed (1000, from `...`)"
    String message = e.getOriginalMessage();
    String problem = message;
    if (message.startsWith("Number value length") && allows(message, MAX_NUMBER_LENGTH)) {
      problem = NUMBER_TOO_LONG;
    } else if (message.startsWith("String value length") && allows(message, MAX_STRING_LENGTH)) {
      problem = STRING_TOO_LONG;
    } else if (message.startsWith("Name length") && allows(message, MAX_NAME_LENGTH)) {
      problem = NAME_TOO_LONG;
    }
    return new StrictValues.Refused(this, problem);
  }

  private static boolean allows(String message, int max) {
    return message.contains("maximum allowed (" + max + ",");
  }
}
