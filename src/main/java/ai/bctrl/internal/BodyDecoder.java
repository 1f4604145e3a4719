package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Turns a 2xx body into a value, streaming from a parser that has not yet read its first token.
 *
 * @param <T> the value type
 */
public interface BodyDecoder<T> {
  T decode(JsonParser parser) throws IOException;
}
