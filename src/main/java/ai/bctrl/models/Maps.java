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

  /** An unmodifiable deep copy in the same order; null stays null. */
  @SuppressWarnings("unchecked")
  static <V> @Nullable Map<String, V> copyOf(@Nullable Map<String, ? extends V> map) {
    return (Map<String, V>) copyValue(map);
  }

  /** An unmodifiable deep copy in the same order; null stays null. */
  @SuppressWarnings("unchecked")
  static <E> @Nullable List<E> copyOf(@Nullable List<? extends E> list) {
    return (List<E>) copyValue(list);
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

  // Scalars and models are immutable already.
  static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map) {
      Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        copy.put(entry.getKey(), copyValue(entry.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    } else if (value instanceof List) {
      List<@Nullable Object> copy = new ArrayList<>();
      for (Object element : (List<?>) value) {
        copy.add(copyValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
