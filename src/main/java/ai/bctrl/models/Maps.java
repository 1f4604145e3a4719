package ai.bctrl.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models' JSON objects of no fixed shape ({@code details}, unknown fields): copied from callers
 * so that a model never shares a mutable map, and unmodifiable at every depth.
 */
final class Maps {
  private Maps() {}

  /** An unmodifiable deep copy of {@code map} in its own order; null gives the empty map. */
  static Map<String, Object> copyOf(Map<String, ?> map) {
    if (map == null || map.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : map.entrySet()) {
      copy.put(entry.getKey(), copyValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** An unmodifiable deep copy of a JSON value; scalars are immutable already. */
  @SuppressWarnings("unchecked")
  static Object copyValue(Object value) {
    if (value instanceof Map) {
      return copyOf((Map<String, ?>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object element : (List<?>) value) {
        copy.add(copyValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
