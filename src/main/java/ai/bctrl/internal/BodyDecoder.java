package ai.bctrl.internal;

import ai.bctrl.ResponseMetadata;

/** Turns a whole 2xx body, and what its response said besides, into a value. */
interface BodyDecoder<T> {
  T decode(byte[] body, ResponseMetadata metadata) throws SchemaMismatch;
}
