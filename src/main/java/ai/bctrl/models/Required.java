package ai.bctrl.models;

import org.jspecify.annotations.Nullable;

/**
 * Hand-owned helper of the generated models: their builders refuse to build without a field the
 * spec requires.
 */
final class Required {
  private Required() {}

  /**
   * Returns {@code value}, or throws {@code IllegalStateException("field == null")} when it is
   * null; the SDK's decoder reads that message as "required field is missing" at the field's JSON
   * path.
   */
  static <T> T check(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalStateException(field + " == null");
    }
    return value;
  }

  /** As {@link #check}, for a required field that may be null but not absent. */
  static void present(boolean present, String field) {
    if (!present) {
      throw new IllegalStateException(field + " == null");
    }
  }
}
