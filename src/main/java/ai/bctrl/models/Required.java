package ai.bctrl.models;

/**
 * Hand-owned helper of the generated models: their builders refuse to build without a field the
 * spec requires.
 */
final class Required {
  private Required() {}

  /**
   * Throws {@code IllegalStateException("field == null")} when {@code value} is null; the SDK's
   * decoder reads that message as "required field is missing" at the field's JSON path.
   */
  static void check(Object value, String field) {
    if (value == null) {
      throw new IllegalStateException(field + " == null");
    }
  }

  /** As {@link #check}, for a required field that may be null but not absent. */
  static void present(boolean present, String field) {
    if (!present) {
      throw new IllegalStateException(field + " == null");
    }
  }
}
