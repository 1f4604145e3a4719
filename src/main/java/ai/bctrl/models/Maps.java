package ai.bctrl.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies of caller-supplied JSON objects, so that a model never changes after it is built. */
final class Maps {
  private Maps() {}

  static Map<String, Object> copyOrNull(Map<String, ?> map) {
    return map == null ? null : new LinkedHashMap<String, Object>(map);
  }

  static Map<String, Object> immutableCopy(Map<String, Object> builderCopy) {
    if (builderCopy == null || builderCopy.isEmpty()) {
      return Collections.emptyMap();
    }
    // The builder already holds its own copy; wrapping it is enough.
    return Collections.unmodifiableMap(builderCopy);
  }
}
