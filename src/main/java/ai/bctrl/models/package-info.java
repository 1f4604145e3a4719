/**
 * The API's schemas, generated from its OpenAPI spec (see {@code openapi/}): immutable models with
 * builders, and open enums.
 *
 * <p>Every type in this package is non-null unless marked {@link org.jspecify.annotations.Nullable}
 * (JSpecify); a field the API may leave out is returned as an {@link java.util.Optional}, a list or
 * map as empty. Hand-owned, like {@code Maps} and {@code Required}: {@code openapi/generate}
 * neither writes nor checks it.
 */
@NullMarked
package ai.bctrl.models;

import org.jspecify.annotations.NullMarked;
