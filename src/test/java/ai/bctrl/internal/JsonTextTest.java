package ai.bctrl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which encoding a body is read in, at the shortest bodies each rule applies to. */
class JsonTextTest {
  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /** The body's tokens as Jackson reads them through {@link JsonText}, strings quoted. */
  private static String text(byte[] body) throws Exception {
    StringBuilder text = new StringBuilder();
    try (JsonParser parser = JsonText.parser(new JsonFactory(), body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        text.append(
            token == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\"" : parser.getText());
      }
    }
    return text.toString();
  }

  @Test
  void aByteOrderMarkAloneIsNoText() throws Exception {
    assertThat(text(bytes(0x00, 0x00, 0xFE, 0xFF))).isEmpty(); // UTF-32BE
    assertThat(text(bytes(0xFF, 0xFE, 0x00, 0x00))).isEmpty(); // UTF-32LE
    assertThat(text(bytes(0xFE, 0xFF))).isEmpty(); // UTF-16BE
    assertThat(text(bytes(0xFF, 0xFE))).isEmpty(); // UTF-16LE
    assertThat(text(bytes(0xEF, 0xBB, 0xBF))).isEmpty(); // UTF-8
  }

  @Test
  void oneCharacterWithoutAMarkIsReadByWhereItsZeroBytesAre() throws Exception {
    assertThat(text(bytes(0x00, 0x00, 0x00, 0x37))).isEqualTo("7");
    assertThat(text(bytes(0x37, 0x00, 0x00, 0x00))).isEqualTo("7");
    assertThat(text(bytes(0x00, 0x37))).isEqualTo("7");
    assertThat(text(bytes(0x37, 0x00))).isEqualTo("7");
    assertThat(text(bytes(0x37))).isEqualTo("7");
    assertThat(text(bytes(0x37, 0x38))).isEqualTo("78");
    assertThat(text(bytes(0x37, 0x38, 0x39, 0x30))).isEqualTo("7890");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
  void textWithAPairOfSurrogatesReadsTheSameInEveryEncoding(String encoding) throws Exception {
    String json = "\"\uD83D\uDE00 ok\"";

    assertThat(text(json.getBytes(Charset.forName(encoding)))).isEqualTo(json);
  }

  @Test
  void aPairOfSurrogatesFirstOrLastIsText() throws Exception {
    assertThat(text("\"\uD83D\uDE00\"".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("\"\uD83D\uDE00\"");
    assertThat(text("\"a\uD83D\uDE00\"".getBytes(StandardCharsets.UTF_16BE)))
        .isEqualTo("\"a\uD83D\uDE00\"");
  }

  @Test
  void aSurrogateAloneIsRefusedWhereverItStands() {
    // UTF-32 lets a surrogate code point through as one char; the check after decoding refuses it.
    for (byte[] body :
        new byte[][] {
          bytes(0x00, 0x00, 0x00, 0x37, 0x00, 0x00, 0xD8, 0x3D), // a high surrogate, last
          bytes(0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0xDE, 0x00), // a low surrogate, first
          bytes(0x00, 0x00, 0x00, 0x37, 0x00, 0x00, 0xD8, 0x3D, 0x00, 0x00, 0x00, 0x37)
        }) {
      assertThatThrownBy(() -> text(body))
          .isInstanceOf(SchemaMismatch.class)
          .hasMessageContaining("not valid text in UTF-32BE: an unpaired surrogate");
    }
  }
}
