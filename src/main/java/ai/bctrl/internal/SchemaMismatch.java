package ai.bctrl.internal;

/**
 * A JSON body was well-formed but not of the schema's shape. It names the field by its path, e.g.
 * {@code data[3].createdAt}; readers throw it with the field's own name and each enclosing reader
 * adds its prefix, so that no path string is built while decoding succeeds.
 */
final class SchemaMismatch extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  SchemaMismatch(String path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path;
    this.problem = problem;
  }

  /** Returns the same mismatch seen from the enclosing value, e.g. {@code data[3]} + {@code id}. */
  SchemaMismatch within(String prefix) {
    String joined =
        path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
    return new SchemaMismatch(joined, problem, getCause());
  }
}
