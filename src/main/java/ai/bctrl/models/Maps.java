package ai.bctrl.models;

import ai.bctrl.internal.JsonObject;
import java.util.Map;

/** The models' JSON objects: copied once from callers, adopted as they are from the decoder. */
final class Maps {
  private Maps() {}

  /** For a builder: an unmodifiable deep copy of {@code map}, or the decoder's own; null stays. */
  static Map<String, Object> copyOrNull(Map<String, ?> map) {
    return JsonObject.copyOf(map);
  }

  /** For a model: what the builder holds, or the empty object. */
  static Map<String, Object> orEmpty(Map<String, Object> builderCopy) {
    return builderCopy == null ? JsonObject.empty() : builderCopy;
  }
}
