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
  T read(JsonParser parser) throws IOException;
}
