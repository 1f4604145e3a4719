package ai.bctrl.models;

/** The models' builders refuse to build without a field the spec requires. */
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
}
