package ai.bctrl.internal;

/**
 * A 2xx body that is not what the schema says: not valid text, not JSON, or JSON of the wrong
 * shape. Its message is one line that names the JSON path, e.g. {@code data[3].createdAt: ...}.
 */
final class SchemaMismatch extends Exception {
  private static final long serialVersionUID = 1L;

  SchemaMismatch(String message, Throwable cause) {
    super(message, cause);
  }
}
