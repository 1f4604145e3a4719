/**
 * The bctrl test kit: a local bctrl API for tests. Compiled for Java 9 and later into {@code
 * META-INF/versions/9} of the multi-release jar; everything else in the jar is Java 8 bytecode.
 */
module ai.bctrl.testing {
  exports ai.bctrl.testing;

  // Its API takes and returns the SDK's models.
  requires transitive ai.bctrl;
  requires com.fasterxml.jackson.databind;
  requires jdk.httpserver;
}
