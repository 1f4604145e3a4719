package ai.bctrl.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A JSON object of no fixed shape ({@code details}, unknown fields) as the models hold it: in
 * document order and unmodifiable all the way down, so that a model is immutable even in its nested
 * values. The decoder builds these directly and the models adopt them without copying; anything
 * else a caller hands a builder is copied once by {@link #copyOf(Map)}.
 *
 * <p>Fields sit in two arrays, searched in order: the API's objects of this kind hold a handful of
 * fields, for which that beats hashing. Past {@link #INDEXED} fields a hash index takes over.
 */
public final class JsonObject extends AbstractMap<String, Object> {
  private static final int INDEXED = 8;
  private static final JsonObject EMPTY = new JsonObject(new String[0], new Object[0], 0, null);

  private final String[] names;
  private final Object[] values;
  private final int size;
  private final Map<String, Integer> index;

  private JsonObject(String[] names, Object[] values, int size, Map<String, Integer> index) {
    this.names = names;
    this.values = values;
    this.size = size;
    this.index = index;
  }

  /** The empty object. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /**
   * Returns {@code map} itself when it is a {@code JsonObject}, else an unmodifiable deep copy
   * (nested maps and lists copied too); null gives null.
   */
  @SuppressWarnings("unchecked")
  public static JsonObject copyOf(Map<String, ?> map) {
    if (map == null || map instanceof JsonObject) {
      return (JsonObject) map;
    }
    Builder copy = new Builder();
    for (Map.Entry<String, ?> field : map.entrySet()) {
      copy.put(field.getKey(), copyValue(field.getValue()));
    }
    return copy.build();
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map) {
      return copyOf((Map<String, ?>) value);
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

  private int indexOf(Object name) {
    return find(names, size, index, name);
  }

  /** Where {@code name} is among the first {@code size} names, or -1. */
  private static int find(String[] names, int size, Map<String, Integer> index, Object name) {
    if (index != null) {
      Integer at = index.get(name);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      // Jackson interns field names, so identity usually decides.
      if (names[i] == name || names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Object get(Object name) {
    int at = indexOf(name);
    return at < 0 ? null : values[at];
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<Entry<String, Object>>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<Entry<String, Object>>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int at = next++;
            return new SimpleImmutableEntry<>(names[at], values[at]);
          }
        };
      }
    };
  }

  /** Collects fields in order; a repeated name keeps its first place and takes the last value. */
  static final class Builder {
    private String[] names = new String[4];
    private Object[] values = new Object[4];
    private int size;
    private Map<String, Integer> index;

    void put(String name, Object value) {
      int at = find(names, size, index, name);
      if (at >= 0) {
        values[at] = value;
        return;
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      if (index != null) {
        index.put(name, size);
      } else if (size == INDEXED) {
        index = new HashMap<>();
        for (int i = 0; i <= size; i++) {
          index.put(names[i], i);
        }
      }
      size++;
    }

    JsonObject build() {
      return size == 0 ? EMPTY : new JsonObject(names, values, size, index);
    }
  }
}
