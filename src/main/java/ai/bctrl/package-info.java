/**
 * The bctrl API client: {@link ai.bctrl.BctrlClient}, its per-request {@link
 * ai.bctrl.RequestOptions} and what it reports about each response.
 *
 * <p>Every type in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}
 * (JSpecify); a value that may be absent is returned as an {@link java.util.Optional}.
 */
@NullMarked
package ai.bctrl;

import org.jspecify.annotations.NullMarked;
