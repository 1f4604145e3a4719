package ai.bctrl.internal;

/** A body that is not the schema's: its message is one line naming the JSON path. */
final class SchemaMismatch extends Exception {
  private static final long serialVersionUID = 1L;

  SchemaMismatch(String message, Throwable cause) {
    super(message, cause);
  }
}
