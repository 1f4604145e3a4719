/**
 * The runs resource: {@link ai.bctrl.runs.RunsClient} and the parameters of its calls.
 *
 * <p>Every type in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}
 * (JSpecify); a value that may be absent is returned as an {@link java.util.Optional}.
 */
@NullMarked
package ai.bctrl.runs;

import org.jspecify.annotations.NullMarked;
