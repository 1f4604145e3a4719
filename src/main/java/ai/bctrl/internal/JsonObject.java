package ai.bctrl.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object of no fixed shape ({@code details}, unknown fields) as the models hold it: in
 * document order and unmodifiable all the way down, so that a model is immutable even in its nested
 * values. The decoder builds these directly and the models adopt them without copying; anything
 * else a caller hands a builder is copied once by {@link #copyOf(Map)}.
 */
public final class JsonObject extends AbstractMap<String, Object> {
  private static final JsonObject EMPTY = new JsonObject(Collections.<String, Object>emptyMap());

  private final Map<String, Object> fields;
  private Set<Entry<String, Object>> entries;

  /** Takes ownership of {@code fields}, whose values must already be unmodifiable. */
  JsonObject(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** The empty object. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /**
   * Returns {@code map} itself when it is a {@code JsonObject}, else an unmodifiable deep copy
   * (nested maps and lists copied too); null gives null.
   */
  public static JsonObject copyOf(Map<String, ?> map) {
    if (map == null || map instanceof JsonObject) {
      return (JsonObject) map;
    }
    return new JsonObject(copyFields(map));
  }

  private static Map<String, Object> copyFields(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<String, ?> field : map.entrySet()) {
      copy.put(field.getKey(), copyValue(field.getValue()));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map && !(value instanceof JsonObject)) {
      return new JsonObject(copyFields((Map<String, ?>) value));
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>(((List<?>) value).size());
      for (Object element : (List<?>) value) {
        copy.add(copyValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  @Override
  public Object get(Object key) {
    return fields.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return fields.containsKey(key);
  }

  @Override
  public int size() {
    return fields.size();
  }

  @Override
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> result = entries;
    if (result == null) {
      // The wrapper's entries refuse setValue, so the view is read-only too.
      result = Collections.unmodifiableMap(fields).entrySet();
      entries = result;
    }
    return result;
  }
}
