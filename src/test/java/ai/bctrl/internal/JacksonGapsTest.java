package ai.bctrl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

/** Which Jackson enforces what itself, and where the SDK adds a check of its own. */
class JacksonGapsTest {
  private static final Version JACKSON = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
  private static final boolean HAS_ALL_FOUR =
      JACKSON.getMajorVersion() > 2 || JACKSON.getMinorVersion() >= 16;

  @Test
  void jacksonHoldsTheLimitsItselfFrom216() {
    JsonFactory factory = new JsonFactory();
    assertThat(BoundedParser.imposeOn(factory)).as("Jackson " + JACKSON).isEqualTo(HAS_ALL_FOUR);
  }

  @Test
  void ownChecksOnlyWhereJacksonLacksALimitOrABodyCouldHoldATooLongString() throws Exception {
    JsonParser parser = new JsonFactory().createParser("{}");
    int fits = BoundedParser.MAX_STRING_LENGTH;
    assertThat(BoundedParser.bound(parser, fits, true)).isSameAs(parser);
    assertThat(BoundedParser.bound(parser, fits, false)).isInstanceOf(BoundedParser.class);
    assertThat(BoundedParser.bound(parser, fits + 1, true)).isInstanceOf(BoundedParser.class);
  }

  @Test
  void theSdksOwnStringReaderOnlyWhereDatabindIgnoresCoercionConfigsForStrings() {
    Version databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;
    assertThat(StrictValues.honoursCoercionConfigsForStrings())
        .as("databind " + databind)
        .isEqualTo(databind.getMajorVersion() > 2 || databind.getMinorVersion() >= 14);
  }
}
