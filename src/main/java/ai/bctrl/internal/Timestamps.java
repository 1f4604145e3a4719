package ai.bctrl.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;

/**
 * ISO-8601 date-times with an offset, as the API writes them. The common forms ({@code
 * 2024-06-10T15:22:30Z}, with a fraction, with {@code +02:00}, {@code +0200} or {@code +02}) are
 * read by hand from the JSON parser's buffer, since {@link DateTimeFormatter} costs several times
 * the rest of decoding a page; anything else goes to a formatter that accepts every offset form,
 * resolving dates strictly.
 */
final class Timestamps {
  private static final DateTimeFormatter OTHER_FORMS =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHmm", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter()
          // STRICT: February 29th of 2023 is an error, not February 28th.
          .withResolverStyle(ResolverStyle.STRICT);

  // What one unit of the last fraction digit is worth in nanoseconds, by the number of digits.
  private static final int[] NANOS_PER_DIGIT = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private Timestamps() {}

  /**
   * Parses {@code length} chars at {@code offset} of {@code chars}, building no String for the
   * common forms; throws {@link DateTimeException} when they are not such a date-time. {@code
   * repeats} lends the date and offset of the page's previous timestamp when they are the same.
   */
  static OffsetDateTime parse(char[] chars, int offset, int length, RepeatedValues repeats) {
    OffsetDateTime fast = parseCommon(chars, offset, length, repeats);
    return fast != null
        ? fast
        : OffsetDateTime.parse(new String(chars, offset, length), OTHER_FORMS);
  }

  /** The common forms, or null to let the formatter decide (and explain) the rest. */
  private static OffsetDateTime parseCommon(char[] c, int at, int length, RepeatedValues repeats) {
    int end = at + length;
    if (length < 20
        || c[at + 4] != '-'
        || c[at + 7] != '-'
        || (c[at + 10] != 'T' && c[at + 10] != 't')
        || c[at + 13] != ':'
        || c[at + 16] != ':') {
      return null;
    }
    int century = two(c, at);
    int yearOfCentury = two(c, at + 2);
    int month = two(c, at + 5);
    int day = two(c, at + 8);
    int hour = two(c, at + 11);
    int minute = two(c, at + 14);
    int second = two(c, at + 17);
    if ((century | yearOfCentury | month | day | hour | minute | second) < 0) {
      return null;
    }
    int year = century * 100 + yearOfCentury;
    int i = at + 19;
    int nanos = 0;
    if (i < end && c[i] == '.') {
      int start = ++i;
      int digit;
      while (i < end && (digit = c[i] - '0') >= 0 && digit <= 9) {
        nanos = nanos * 10 + digit;
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 9) {
        return null;
      }
      nanos *= NANOS_PER_DIGIT[digits];
    }
    ZoneOffset zone = offset(c, i, end, repeats);
    if (zone == null) {
      return null;
    }
    try {
      LocalDate date = repeats.date(year, month, day);
      if (date == null) {
        date = LocalDate.of(year, month, day);
        repeats.rememberDate(date);
      }
      LocalTime time = LocalTime.of(hour, minute, second, nanos);
      return OffsetDateTime.of(LocalDateTime.of(date, time), zone);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  private static ZoneOffset offset(char[] c, int i, int end, RepeatedValues repeats) {
    if (i >= end) {
      return null;
    }
    char sign = c[i];
    if ((sign == 'Z' || sign == 'z') && i + 1 == end) {
      return ZoneOffset.UTC;
    }
    if (sign != '+' && sign != '-') {
      return null;
    }
    int hours;
    int minutes = 0;
    int rest = end - i - 1;
    if (rest == 2) {
      hours = two(c, i + 1);
    } else if (rest == 4) {
      hours = two(c, i + 1);
      minutes = two(c, i + 3);
    } else if (rest == 5 && c[i + 3] == ':') {
      hours = two(c, i + 1);
      minutes = two(c, i + 4);
    } else {
      return null;
    }
    if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
    ZoneOffset known = repeats.offset(seconds);
    if (known != null) {
      return known;
    }
    try {
      ZoneOffset zone = ZoneOffset.ofTotalSeconds(seconds);
      repeats.rememberOffset(zone);
      return zone;
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  /** The value of the two decimal digits at {@code i}, or a negative number if either is not. */
  private static int two(char[] c, int i) {
    int tens = c[i] - '0';
    int ones = c[i + 1] - '0';
    // Negative when either is outside 0..9: a sign bit survives the OR.
    int invalid = tens | ones | (9 - tens) | (9 - ones);
    return invalid < 0 ? -1 : tens * 10 + ones;
  }
}
