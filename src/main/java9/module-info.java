/**
 * The bctrl API client. Compiled for Java 9 and later into {@code META-INF/versions/9} of the
 * multi-release jar; everything else in the jar is Java 8 bytecode.
 */
module ai.bctrl {
  exports ai.bctrl;
  exports ai.bctrl.errors;
  exports ai.bctrl.models;
  exports ai.bctrl.pagination;
  exports ai.bctrl.runs;

  // BctrlClient.Builder.okHttpClient(OkHttpClient) is public API.
  requires transitive okhttp3;
  // OkHttp and Okio are Kotlin, and automatic modules: nothing would otherwise resolve the Kotlin
  // standard library, and the first call would fail with NoClassDefFoundError.
  requires kotlin.stdlib;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires java.logging;
  // The nullness annotations on the API: a user's compiler reads them (Kotlin as nullable and
  // non-null types), so a module that requires this one reads them too.
  requires transitive org.jspecify;

  // Jackson builds the models and the page bodies by reflection.
  opens ai.bctrl.models to
      com.fasterxml.jackson.databind;
  opens ai.bctrl.internal to
      com.fasterxml.jackson.databind;
}
