/**
 * The exceptions the client throws, all subclasses of {@link ai.bctrl.errors.BctrlException}.
 *
 * <p>Every type in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}
 * (JSpecify); a value that may be absent is returned as an {@link java.util.Optional}.
 */
@NullMarked
package ai.bctrl.errors;

import org.jspecify.annotations.NullMarked;
