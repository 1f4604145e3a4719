/**
 * Cursor pages and the walks over them: {@link ai.bctrl.pagination.CursorPage}.
 *
 * <p>Every type in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}
 * (JSpecify); a value that may be absent is returned as an {@link java.util.Optional}.
 */
@NullMarked
package ai.bctrl.pagination;

import org.jspecify.annotations.NullMarked;
