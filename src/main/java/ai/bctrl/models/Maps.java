package ai.bctrl.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hand-owned helper of the generated models: the lists and maps a caller or the decoder hands a
 * builder are copied, so that a model never shares a mutable collection, and are unmodifiable at
 * every depth.
 */
final class Maps {
  private Maps() {}

  /** An unmodifiable deep copy of {@code map} in its own order; null stays null. */
  @SuppressWarnings("unchecked")
  static <V> @Nullable Map<String, V> copyOf(@Nullable Map<String, ? extends V> map) {
    if (map == null) {
      return null;
    }
    if (map.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, V> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends V> entry : map.entrySet()) {
      copy.put(entry.getKey(), (V) copyValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** An unmodifiable deep copy of {@code list} in its own order; null stays null. */
  @SuppressWarnings("unchecked")
  static <E> @Nullable List<E> copyOf(@Nullable List<? extends E> list) {
    if (list == null) {
      return null;
    }
    if (list.isEmpty()) {
      return Collections.emptyList();
    }
    List<E> copy = new ArrayList<>(list.size());
    for (E element : list) {
      copy.add((E) copyValue(element));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * {@code fields} as they are, after checking that none is named as one of a model's {@code
   * properties}: written inline beside them, such a field would be a second value for the property.
   */
  static <V> Map<String, V> withoutProperties(Map<String, V> fields, String... properties) {
    for (String property : properties) {
      if (fields.containsKey(property)) {
        throw new IllegalArgumentException(
            "additionalProperties cannot hold \""
                + property
                + "\": it is a property of the model; use its setter");
      }
    }
    return fields;
  }

  /** An unmodifiable deep copy of a JSON value; scalars and models are immutable already. */
  @SuppressWarnings("unchecked")
  static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map) {
      return copyOf((Map<String, ?>) value);
    }
    if (value instanceof List) {
      return copyOf((List<?>) value);
    }
    return value;
  }
}
