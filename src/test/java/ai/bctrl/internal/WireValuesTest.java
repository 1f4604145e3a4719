package ai.bctrl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The matcher the readers use for enum values and repeated ids, on every Java it runs on. */
class WireValuesTest {
  private static final char[] TEXT = "..succeeded|cancelled|succeede".toCharArray();

  @Test
  void findsTheValueTheCharactersSpell() {
    WireValues statuses = new WireValues("queued", "cancelled", "succeeded");
    assertThat(statuses.indexOf(TEXT, 2, 9)).isEqualTo(2);
    assertThat(statuses.indexOf(TEXT, 12, 9)).isEqualTo(1);
    assertThat(statuses.indexOf(TEXT, 22, 8)).isEqualTo(-1);
    assertThat(statuses.indexOf(TEXT, 0, 9)).isEqualTo(-1);
  }

  @Test
  void theJava8LoopAgreesWithTheRangeCompare() {
    // On Java 9+ startsWith uses Arrays.equals over ranges; Java 8 has only the loop.
    char[][] prefixes = {
      "succeeded".toCharArray(), "succeedeX".toCharArray(), "".toCharArray(), "c".toCharArray()
    };
    for (char[] prefix : prefixes) {
      for (int offset = 0; offset + prefix.length <= TEXT.length; offset++) {
        assertThat(WireValues.startsWith(TEXT, offset, prefix))
            .as("%s at %d", new String(prefix), offset)
            .isEqualTo(WireValues.startsWithByLoop(TEXT, offset, prefix));
      }
    }
    assertThat(WireValues.startsWithByLoop(TEXT, 2, prefixes[0])).isTrue();
    assertThat(WireValues.startsWithByLoop(TEXT, 2, prefixes[1])).isFalse();
  }
}
