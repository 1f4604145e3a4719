package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The last value seen in each of a few string fields of one page. Every item of a page carries the
 * same run id, and often the same runtime id: comparing the parser's characters with the last value
 * is cheaper than building the same String fifty times. One instance per page, never shared.
 */
public final class RepeatedStrings {
  private final String[] last;

  RepeatedStrings(int slots) {
    this.last = new String[slots];
  }

  /** Reads a non-null string field, reusing the last value read in {@code slot} when equal. */
  String read(JsonParser parser, int slot, String path) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw Json.mismatch(parser, path, "a string");
    }
    String previous = last[slot];
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    if (previous != null && previous.length() == length) {
      boolean same = true;
      for (int i = 0; i < length && same; i++) {
        same = previous.charAt(i) == chars[offset + i];
      }
      if (same) {
        return previous;
      }
    }
    String text = parser.getText();
    last[slot] = text;
    return text;
  }
}
