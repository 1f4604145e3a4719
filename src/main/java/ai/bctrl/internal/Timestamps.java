package ai.bctrl.internal;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * ISO-8601 date-times with an offset, as the API writes them. The common forms ({@code
 * 2024-06-10T15:22:30Z}, with a fraction, with {@code +02:00}, {@code +0200} or {@code +02}) are
 * read by hand, since {@link DateTimeFormatter} costs several times the rest of decoding a page;
 * anything else falls back to a lenient formatter.
 */
final class Timestamps {
  private static final DateTimeFormatter LENIENT =
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
          .toFormatter();

  private Timestamps() {}

  /** Parses {@code text}; throws {@link DateTimeException} when it is not such a date-time. */
  static OffsetDateTime parse(String text) {
    OffsetDateTime fast = parseCommon(text.toCharArray(), 0, text.length());
    return fast != null ? fast : OffsetDateTime.parse(text, LENIENT);
  }

  /**
   * Parses {@code length} chars at {@code offset} of {@code chars}, e.g. a JSON parser's text
   * buffer, so that the common case builds no String; throws {@link DateTimeException} when they
   * are not such a date-time.
   */
  static OffsetDateTime parse(char[] chars, int offset, int length) {
    OffsetDateTime fast = parseCommon(chars, offset, length);
    return fast != null ? fast : OffsetDateTime.parse(new String(chars, offset, length), LENIENT);
  }

  /** The common forms, or null to let the formatter decide (and explain) the rest. */
  private static OffsetDateTime parseCommon(char[] chars, int offset, int length) {
    Chars s = new Chars(chars, offset, length);
    int n = length;
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int scale = i - start; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    ZoneOffset zone = offset(s, i);
    if (zone == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, zone);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  private static ZoneOffset offset(Chars s, int i) {
    int n = s.length;
    if (i >= n) {
      return null;
    }
    char sign = s.charAt(i);
    if ((sign == 'Z' || sign == 'z') && i + 1 == n) {
      return ZoneOffset.UTC;
    }
    if (sign != '+' && sign != '-') {
      return null;
    }
    int hours;
    int minutes = 0;
    int rest = n - i - 1;
    if (rest == 2) {
      hours = digits(s, i + 1, 2);
    } else if (rest == 4) {
      hours = digits(s, i + 1, 2);
      minutes = digits(s, i + 3, 2);
    } else if (rest == 5 && s.charAt(i + 3) == ':') {
      hours = digits(s, i + 1, 2);
      minutes = digits(s, i + 4, 2);
    } else {
      return null;
    }
    if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
    try {
      return ZoneOffset.ofTotalSeconds(seconds);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  /** The value of {@code count} decimal digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(Chars s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A window on a char array; scalar-replaced by the JIT, so it costs no allocation. */
  private static final class Chars {
    final char[] chars;
    final int offset;
    final int length;

    Chars(char[] chars, int offset, int length) {
      this.chars = chars;
      this.offset = offset;
      this.length = length;
    }

    char charAt(int i) {
      return chars[offset + i];
    }
  }
}
