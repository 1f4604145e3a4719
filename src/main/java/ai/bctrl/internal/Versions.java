package ai.bctrl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's own version, written into a resource by the build. */
final class Versions {
  static final String SDK_VERSION = load();
  static final String USER_AGENT = "bctrl-java/" + SDK_VERSION;

  private Versions() {}

  private static String load() {
    try (InputStream in = Versions.class.getResourceAsStream("/ai/bctrl/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
