package ai.bctrl.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Values that repeat from item to item of one page, kept so that they are built once. Every item of
 * a page carries the same run id, often the same runtime id, timestamps of the same day and its
 * fields in the same order: comparing with the last value is cheaper than building the same object
 * fifty times. One instance per page, never shared.
 */
public final class RepeatedValues {
  private final String[] last;
  // The same values as char arrays, to compare with the parser's characters without a String.
  private final char[][] lastChars;
  private LocalDate lastDate;
  private ZoneOffset lastOffset;
  private FieldOrder order;
  private int[] followers;

  RepeatedValues(int slots) {
    this.last = new String[slots];
    this.lastChars = new char[slots][];
  }

  /** The last date remembered, if it is {@code year-month-day}; else null. */
  LocalDate date(int year, int month, int day) {
    LocalDate date = lastDate;
    return date != null
            && date.getDayOfMonth() == day
            && date.getMonthValue() == month
            && date.getYear() == year
        ? date
        : null;
  }

  void rememberDate(LocalDate date) {
    lastDate = date;
  }

  /** The last offset remembered, if it is {@code totalSeconds}; else null. */
  ZoneOffset offset(int totalSeconds) {
    ZoneOffset offset = lastOffset;
    return offset != null && offset.getTotalSeconds() == totalSeconds ? offset : null;
  }

  void rememberOffset(ZoneOffset offset) {
    lastOffset = offset;
  }

  /** The field order learnt so far on this page for {@code order}'s reader. */
  int[] followers(FieldOrder order, int size) {
    if (this.order != order) {
      this.order = order;
      this.followers = new int[size];
      Arrays.fill(followers, -1);
    }
    return followers;
  }

  /**
   * The string {@code text[start, start + length)} spells: the last one returned for {@code slot}
   * when equal, else a new one, remembered.
   */
  String string(int slot, char[] text, int start, int length) {
    char[] previous = lastChars[slot];
    if (previous != null && WireValues.spells(text, start, length, previous)) {
      return last[slot];
    }
    String value = new String(text, start, length);
    last[slot] = value;
    lastChars[slot] = value.toCharArray();
    return value;
  }
}
