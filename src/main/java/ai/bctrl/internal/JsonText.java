package ai.bctrl.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a JSON body: its encoding detected as JSON allows (UTF-8, -16 or -32, with or without
 * a byte order mark), decoded by the JDK's decoders set to refuse malformed input.
 *
 * <p>The SDK decodes rather than let Jackson do it because Jackson's readers differ by version:
 * 2.13's UTF-8 reader takes overlong forms, encoded surrogates and code points above U+10FFFF, and
 * every version's UTF-16 reader turns an unpaired surrogate into U+FFFD.
 */
final class JsonText {
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  private JsonText() {}

  /**
   * The body's characters, without a leading byte order mark: from the buffer's position to its
   * limit in its array.
   *
   * @throws SchemaMismatch naming the encoding and where the body stops being valid text in it
   */
  static CharBuffer decode(byte[] body) throws SchemaMismatch {
    Charset charset = encoding(body);
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (!result.isUnderflow()) {
      throw notText(charset, "malformed at byte " + in.position());
    }
    int length = out.position();
    char[] text = out.array();
    // The JDK's UTF-32 decoders pass a surrogate code point through as a lone char.
    for (int i = 0; i < length; i++) {
      if (Character.isHighSurrogate(text[i])
          && i + 1 < length
          && Character.isLowSurrogate(text[i + 1])) {
        i++;
      } else if (Character.isSurrogate(text[i])) {
        throw notText(charset, "an unpaired surrogate at character " + i);
      }
    }
    int start = length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    return CharBuffer.wrap(text, start, length - start);
  }

  /** By the byte order mark, else by where the first character's zero bytes are (RFC 4627). */
  private static Charset encoding(byte[] b) {
    int n = b.length;
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
      return UTF_32BE;
    } else if (n >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0 && b[3] == 0) {
      return UTF_32LE;
    } else if (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return StandardCharsets.UTF_16BE;
    } else if (n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return StandardCharsets.UTF_16LE;
    } else if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
      return UTF_32BE;
    } else if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      return UTF_32LE;
    } else if (n >= 2 && b[0] == 0 && b[1] != 0) {
      return StandardCharsets.UTF_16BE;
    } else if (n >= 2 && b[0] != 0 && b[1] == 0) {
      return StandardCharsets.UTF_16LE;
    }
    return StandardCharsets.UTF_8;
  }

  private static SchemaMismatch notText(Charset charset, String where) {
    return new SchemaMismatch(
        "response body: not valid text in " + charset.name() + ": " + where, null);
  }
}
