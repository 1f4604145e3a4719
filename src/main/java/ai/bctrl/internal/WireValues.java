package ai.bctrl.internal;

/**
 * The wire strings of an enum's known constants, matched against the parser's characters without
 * building a String. Kept as char arrays: comparing two arrays is a plain loop, where {@link
 * String#charAt} checks the string's encoding and bounds for every character.
 */
final class WireValues {
  private final char[][] values;

  WireValues(String... values) {
    this.values = new char[values.length][];
    for (int i = 0; i < values.length; i++) {
      this.values[i] = values[i].toCharArray();
    }
  }

  /** Index of the value {@code chars[offset, offset + length)} spells, or -1 when none. */
  int indexOf(char[] chars, int offset, int length) {
    for (int i = 0; i < values.length; i++) {
      char[] value = values[i];
      if (value.length == length && startsWith(chars, offset, value)) {
        return i;
      }
    }
    return -1;
  }

  /** True when {@code chars} at {@code offset} begin with all of {@code prefix}. */
  static boolean startsWith(char[] chars, int offset, char[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (chars[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
