package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * The field names a model reader knows, matched by guessing. The API writes every item's fields in
 * the same order, so the field that followed a given field in the previous item is the best guess
 * for the next one; Jackson checks a guess by comparing the input bytes with the name, which skips
 * hashing and looking up the name in its symbol table. A wrong guess costs one failed comparison,
 * then the name is read the usual way, so any order and any unknown field still work.
 */
final class FieldOrder {
  /** What {@link #next} returns at the end of the object. */
  static final int END = -2;

  private final String[] names;
  private final SerializableString[] quoted;

  FieldOrder(String... names) {
    this.names = names;
    this.quoted = new SerializableString[names.length];
    for (int i = 0; i < names.length; i++) {
      quoted[i] = new SerializedString(names[i]);
    }
  }

  /**
   * The order learnt so far on this page, to pass to {@link #next}: entry {@code i + 1} is the
   * field seen after field {@code i} last time, entry 0 the first field.
   */
  int[] followers(RepeatedValues repeats) {
    return repeats.followers(this, names.length + 1);
  }

  /**
   * Advances the parser to the next field name and returns the field's index, -1 for a field not
   * known (its name is then the parser's current name), or {@link #END}. {@code previous} is the
   * index of the last known field of this object, or -1 before the first.
   */
  int next(JsonParser parser, int[] followers, int previous) throws IOException {
    int guess = followers[previous + 1];
    String name;
    if (guess >= 0) {
      if (parser.nextFieldName(quoted[guess])) {
        return guess;
      }
      name = parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : null;
    } else {
      name = parser.nextFieldName();
    }
    if (name == null) {
      return END;
    }
    int field = indexOf(name);
    if (field >= 0) {
      followers[previous + 1] = field;
    }
    return field;
  }

  /** Index of {@code name}, or -1 when the reader does not know it. */
  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      // Jackson interns field names, so identity is the usual match; equals covers the rest.
      if (names[i] == name || names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
