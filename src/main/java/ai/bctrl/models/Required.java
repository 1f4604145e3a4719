package ai.bctrl.models;

import org.jspecify.annotations.Nullable;

/** Hand-owned helper of the generated models: build() refuses a required field left out. */
final class Required {
  private Required() {}

  /** Throws {@code IllegalStateException("field == null")}, which the decoder reads, if null. */
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
