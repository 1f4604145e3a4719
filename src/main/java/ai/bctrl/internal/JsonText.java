package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.CharBuffer;

/**
 * The text of a JSON body: its encoding detected as JSON allows (UTF-8, -16 or -32, with at most
 * one byte order mark), checked to be valid text in it before Jackson reads it.
 *
 * <p>UTF-8, the API's encoding, goes to Jackson's byte parser as received, after a check of the
 * SDK's own that costs one pass over the bytes (a plain loop while they are ASCII): Jackson 2.13's
 * UTF-8 reader takes overlong forms, encoded surrogates and code points above U+10FFFF, and no
 * Jackson checks the bytes of a value it skips. UTF-16 and UTF-32 are decoded here, because every
 * Jackson's UTF-16 reader turns an unpaired surrogate into U+FFFD and the JDK's UTF-32 decoders
 * drop a second byte order mark and pass surrogate code points through.
 */
final class JsonText {
  private JsonText() {}

  /**
   * A parser over the body's text.
   *
   * @throws SchemaMismatch naming the encoding and where the body stops being valid text in it
   */
  static JsonParser parser(JsonFactory factory, byte[] body) throws SchemaMismatch, IOException {
    String encoding = encoding(body);
    if (!encoding.equals("UTF-8")) {
      CharBuffer text = decode(body, encoding);
      if (text.hasRemaining() && text.get(0) == '\uFEFF') {
        throw secondMark();
      }
      return factory.createParser(text.array(), 0, text.remaining());
    }
    int malformed = malformedUtf8At(body);
    if (malformed >= 0) {
      throw notText(encoding, "malformed at byte " + malformed);
    }
    int start = utf8Mark(body, 0) ? 3 : 0;
    if (utf8Mark(body, start)) {
      throw secondMark();
    }
    // Jackson detects the encoding again from the first four bytes: zero bytes there (never JSON
    // in UTF-8) would make it read UTF-16 or UTF-32.
    for (int i = start; i < Math.min(start + 4, body.length); i++) {
      if (body[i] == 0) {
        throw new SchemaMismatch("response body: invalid JSON: a NUL character at byte " + i, null);
      }
    }
    return factory.createParser(body, start, body.length - start);
  }

  private static boolean utf8Mark(byte[] b, int at) {
    return at + 3 <= b.length
        && (b[at] & 0xff) == 0xef
        && (b[at + 1] & 0xff) == 0xbb
        && (b[at + 2] & 0xff) == 0xbf;
  }

  private static SchemaMismatch secondMark() {
    return new SchemaMismatch("response body: invalid JSON: a second byte order mark", null);
  }

  /**
   * By the byte order mark, else by where the first character's zero bytes are (RFC 4627): "UTF-8",
   * "UTF-16BE", "UTF-16LE", "UTF-32BE" or "UTF-32LE".
   */
  static String encoding(byte[] b) {
    int n = b.length;
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
      return "UTF-32BE";
    } else if (n >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    } else if (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return "UTF-16BE";
    } else if (n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return "UTF-16LE";
    } else if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
      return "UTF-32BE";
    } else if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    } else if (n >= 2 && b[0] == 0 && b[1] != 0) {
      return "UTF-16BE";
    } else if (n >= 2 && b[0] != 0 && b[1] == 0) {
      return "UTF-16LE";
    }
    return "UTF-8";
  }

  /**
   * Where the first byte that does not start a well-formed UTF-8 sequence is (Unicode's table 3-7:
   * no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
   */
  static int malformedUtf8At(byte[] b) {
    int i = 0;
    int n = b.length;
    while (true) {
      while (i < n && b[i] >= 0) {
        i++;
      }
      if (i == n) {
        return -1;
      }
      int lead = b[i] & 0xff;
      int low = 0x80; // the second byte's range, narrower after some leads
      int high = 0xbf;
      int length;
      if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        low = lead == 0xe0 ? 0xa0 : low; // overlong below U+0800
        high = lead == 0xed ? 0x9f : high; // surrogates
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        low = lead == 0xf0 ? 0x90 : low; // overlong below U+10000
        high = lead == 0xf4 ? 0x8f : high; // above U+10FFFF
      } else {
        return i;
      }
      if (i + length > n || (b[i + 1] & 0xff) < low || (b[i + 1] & 0xff) > high) {
        return i;
      }
      for (int k = 2; k < length; k++) {
        if ((b[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += length;
    }
  }

  /** UTF-16 or UTF-32 as characters, without the one byte order mark it may start with. */
  static CharBuffer decode(byte[] body, String encoding) throws SchemaMismatch {
    boolean bigEndian = encoding.endsWith("BE");
    int width = encoding.startsWith("UTF-32") ? 4 : 2;
    int start = codeUnit(body, 0, width, bigEndian) == 0xFEFF ? width : 0;
    // By hand: the JDK's UTF-32 decoders drop a second mark and let surrogates through.
    StringBuilder text = new StringBuilder((body.length - start) / width);
    for (int i = start; i < body.length; i += width) {
      long unit = codeUnit(body, i, width, bigEndian);
      long low = width == 2 ? codeUnit(body, i + 2, 2, bigEndian) : -1;
      if (unit >= 0xD800 && unit <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF) {
        text.append((char) unit).append((char) low); // a UTF-16 pair
        i += 2;
      } else if (width == 4 && unit >= 0xD800 && unit <= 0xDFFF) {
        throw notText(encoding, "an unpaired surrogate at character " + text.length());
      } else if (unit < 0 || unit >= 0xD800 && unit <= 0xDFFF || unit > Character.MAX_CODE_POINT) {
        throw notText(encoding, "malformed at byte " + i);
      } else {
        text.appendCodePoint((int) unit);
      }
    }
    char[] chars = new char[text.length()];
    text.getChars(0, chars.length, chars, 0);
    return CharBuffer.wrap(chars);
  }

  /** The code unit of {@code width} bytes at {@code at}, or -1 past the end (a unit cut short). */
  private static long codeUnit(byte[] body, int at, int width, boolean bigEndian) {
    if (at + width > body.length) {
      return -1;
    }
    long unit = 0;
    for (int k = 0; k < width; k++) {
      unit = unit << 8 | (body[bigEndian ? at + k : at + width - 1 - k] & 0xff);
    }
    return unit;
  }

  private static SchemaMismatch notText(String encoding, String where) {
    return new SchemaMismatch("response body: not valid text in " + encoding + ": " + where, null);
  }
}
