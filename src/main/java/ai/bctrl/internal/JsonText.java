package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * A body's text: its encoding detected as JSON allows (UTF-8, -16 or -32, at most one byte order
 * mark) and checked to be valid text in it before Jackson reads it.
 *
 * <p>UTF-8 goes to Jackson's byte parser as received, after a check: Jackson 2.13's UTF-8 reader
 * takes overlong forms, encoded surrogates and code points above U+10FFFF, and no Jackson checks
 * the bytes of a value it skips. UTF-16 and UTF-32 are decoded here: every Jackson's UTF-16 reader
 * turns an unpaired surrogate into U+FFFD, and the JDK's UTF-32 decoders drop a second byte order
 * mark and pass surrogate code points through.
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
      char[] text = decode(body, encoding);
      return factory.createParser(text, 0, text.length);
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

  /** By the byte order mark, else by where the first character's zero bytes are (RFC 4627). */
  private static String encoding(byte[] b) {
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
   * Where the first byte that does not start a well-formed UTF-8 sequence is, or -1: a plain loop
   * while the bytes are ASCII, then the JDK's decoder, which refuses overlong forms, surrogates and
   * code points above U+10FFFF (Unicode's table 3-7).
   */
  static int malformedUtf8At(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] < 0) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.wrap(b, i, b.length - i);
        CharBuffer chars = CharBuffer.allocate(4096); // what was decoded is not kept
        CoderResult result;
        do {
          chars.clear();
          result = decoder.decode(bytes, chars, true);
        } while (result.isOverflow());
        return result.isError() ? bytes.position() : -1;
      }
    }
    return -1;
  }

  /** UTF-16 or UTF-32 as characters, without the one byte order mark it may start with. */
  private static char[] decode(byte[] body, String encoding) throws SchemaMismatch {
    ByteBuffer bytes =
        ByteBuffer.wrap(body)
            .order(encoding.endsWith("BE") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    boolean utf32 = encoding.startsWith("UTF-32");
    int width = utf32 ? 4 : 2;
    StringBuilder text = new StringBuilder();
    int mark =
        body.length >= width && (utf32 ? bytes.getInt(0) : bytes.getChar(0)) == 0xFEFF ? width : 0;
    for (int i = mark; i < body.length; i += width) {
      if (i + width > body.length) {
        throw notText(encoding, "malformed at byte " + i);
      }
      int unit = utf32 ? bytes.getInt(i) : bytes.getChar(i);
      boolean surrogate = unit >= Character.MIN_SURROGATE && unit <= Character.MAX_SURROGATE;
      if (!utf32
          && Character.isHighSurrogate((char) unit)
          && i + 4 <= body.length
          && Character.isLowSurrogate(bytes.getChar(i + 2))) {
        text.append((char) unit).append(bytes.getChar(i + 2));
        i += 2;
      } else if (utf32 && surrogate) {
        throw notText(encoding, "an unpaired surrogate at character " + text.length());
      } else if (surrogate || !Character.isValidCodePoint(unit)) {
        throw notText(encoding, "malformed at byte " + i);
      } else {
        text.appendCodePoint(unit);
      }
    }
    if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
      throw secondMark();
    }
    char[] chars = new char[text.length()];
    text.getChars(0, chars.length, chars, 0);
    return chars;
  }

  private static SchemaMismatch notText(String encoding, String where) {
    return new SchemaMismatch("response body: not valid text in " + encoding + ": " + where, null);
  }
}
