package ai.bctrl.internal;

/**
 * Turns a whole 2xx body into a value.
 *
 * @param <T> the value type
 */
interface BodyDecoder<T> {
  T decode(byte[] body) throws SchemaMismatch;
}
