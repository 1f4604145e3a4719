package ai.bctrl.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * The wire strings of an enum's known constants, matched against the parser's characters without
 * building a String. Kept as char arrays, since comparing with a String goes through {@link
 * String#charAt}, which checks the string's encoding and bounds for every character.
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
      if (spells(chars, offset, length, values[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * True when {@code chars[offset, offset + length)} are exactly the characters of {@code value}.
   */
  static boolean spells(char[] chars, int offset, int length, char[] value) {
    return value.length == length && startsWith(chars, offset, value);
  }

  /**
   * {@code Arrays.equals} over ranges (Java 9+), which the JIT compiles to compare several
   * characters per instruction; null on Java 8, which has only the loop.
   */
  private static final MethodHandle RANGE_EQUALS = rangeEquals();

  private static MethodHandle rangeEquals() {
    MethodType type =
        MethodType.methodType(
            boolean.class, char[].class, int.class, int.class, char[].class, int.class, int.class);
    try {
      return MethodHandles.publicLookup().findStatic(Arrays.class, "equals", type);
    } catch (ReflectiveOperationException java8) {
      return null;
    }
  }

  /** True when {@code chars} at {@code offset} begin with all of {@code prefix}. */
  static boolean startsWith(char[] chars, int offset, char[] prefix) {
    if (RANGE_EQUALS == null) {
      return startsWithByLoop(chars, offset, prefix);
    }
    try {
      return (boolean)
          RANGE_EQUALS.invokeExact(chars, offset, offset + prefix.length, prefix, 0, prefix.length);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      throw new AssertionError(impossible);
    }
  }

  static boolean startsWithByLoop(char[] chars, int offset, char[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (chars[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
