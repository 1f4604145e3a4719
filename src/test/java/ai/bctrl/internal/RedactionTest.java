package ai.bctrl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final String KEY = "sk_live_0123456789abcdef";

  @Test
  void aKeyShorterThanEightCharactersIsNeverSearchedFor() {
    assertThat(Redaction.redact("the API key is missing", "key", null))
        .isEqualTo("the API key is missing");
    assertThat(Redaction.redact("Run test-run was not found", "test", null))
        .isEqualTo("Run test-run was not found");
    assertThat(Redaction.redact("java.net.UnknownHostException: k", "k", "k"))
        .isEqualTo("java.net.UnknownHostException: k");
    assertThat(Redaction.redact("seven77 seven77", "seven77", null)).isEqualTo("seven77 seven77");
    assertThat(Redaction.redact("eight888 eight888", "eight888", null))
        .isEqualTo("[redacted] [redacted]");
  }

  @Test
  void aKeyIsReplacedAsAUrlsQueryCarriesItPercentEncodedAndAsIs() {
    String key = "bk_live_01234/56789+ab=c d";
    assertThat(
            Redaction.redact(
                "GET /v1/x?k=bk_live_01234%2F56789%2Bab%3Dc%20d&limit=5\n  X-Key=" + key, key))
        .isEqualTo("GET /v1/x?k=[redacted]&limit=5\n  X-Key=[redacted]");
  }

  @Test
  void aWholeKeyIsReplacedAndThePunctuationAroundItKept() {
    assertThat(Redaction.redact("Invalid API key: Bearer " + KEY, KEY, null))
        .isEqualTo("Invalid API key: Bearer [redacted]");
    assertThat(Redaction.redact("{\"error\":\"bad key " + KEY + "\"}", KEY, null))
        .isEqualTo("{\"error\":\"bad key [redacted]\"}");
    assertThat(Redaction.redact("GET /v1/x?api_key=" + KEY + "&limit=5", KEY, null))
        .isEqualTo("GET /v1/x?api_key=[redacted]&limit=5");
    assertThat(Redaction.redact("X-Echo=" + KEY + ", Date=now", KEY, null))
        .isEqualTo("X-Echo=[redacted], Date=now");
    assertThat(Redaction.redact("key " + KEY + ".", KEY, null)).isEqualTo("key [redacted].");
    assertThat(Redaction.redact(KEY, KEY, null)).isEqualTo("[redacted]");
    assertThat(Redaction.redact(KEY + KEY, KEY, null)).isEqualTo("[redacted]");
    assertThat(Redaction.redact("(" + KEY + ")(" + KEY + ")", KEY, null))
        .isEqualTo("([redacted])([redacted])");
  }

  @Test
  void aKeyInsideALongerTokenTakesTheWholeTokenWithIt() {
    // Replacing only the key would leave "x-[redacted]-old": the rest is no use beside a leak.
    assertThat(Redaction.redact("token x-" + KEY + "-old rejected", KEY, null))
        .isEqualTo("token [redacted] rejected");
    assertThat(Redaction.redact("Bearer " + KEY + "abc.", KEY, null))
        .isEqualTo("Bearer [redacted].");
  }

  @Test
  void aKeyThatStartsOrEndsWithPunctuationIsReplacedExactly() {
    String key = "=abc/def+ghi=";
    assertThat(Redaction.redact("k" + key + "x", key, null)).isEqualTo("k[redacted]x");
  }

  @Test
  void bothKeysGoTheLongerFirst() {
    String tenant = KEY + "-tenant-7";
    assertThat(Redaction.redact("a " + tenant + " b " + KEY, KEY, tenant))
        .isEqualTo("a [redacted] b [redacted]");
    assertThat(Redaction.redact("a " + tenant + " b " + KEY, tenant, KEY))
        .isEqualTo("a [redacted] b [redacted]");
    assertThat(Redaction.redact(null, KEY, tenant)).isNull();
    assertThat(Redaction.redact("no key", null, null)).isEqualTo("no key");
  }

  @Test
  void textWithoutTheKeyIsReturnedUnchanged() {
    String text = "404 run.not_found: Run r1 was not found.";
    assertThat(Redaction.redact(text, KEY, null)).isSameAs(text);
  }
}
