package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one model from a streaming parser positioned on its first token, leaving the parser on its
 * last token. Throws {@link SchemaMismatch} naming the field, relative to the item, when the JSON
 * is of the wrong shape.
 *
 * @param <T> the model type
 */
public interface ItemReader<T> {
  /**
   * Reads one item. {@code repeats} lives for one page: fields whose value usually repeats from
   * item to item (a run id) can take their String from it instead of allocating a new one.
   */
  T read(JsonParser parser, RepeatedValues repeats) throws IOException;
}
