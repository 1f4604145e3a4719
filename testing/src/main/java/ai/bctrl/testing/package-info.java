/**
 * The test kit: {@link ai.bctrl.testing.LocalGateway}, a bctrl API on loopback for tests.
 *
 * <p>Every type in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}
 * (JSpecify); a value that may be absent is returned as an {@link java.util.Optional}.
 */
@NullMarked
package ai.bctrl.testing;

import org.jspecify.annotations.NullMarked;
