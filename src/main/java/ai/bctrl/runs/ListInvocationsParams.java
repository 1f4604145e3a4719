package ai.bctrl.runs;

import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@link RunsClient#listInvocations(String, ListInvocationsParams)}. A
 * builder with nothing set lists every invocation, 50 a page (the server's default).
 *
 * <pre>{@code
 * ListInvocationsParams params = ListInvocationsParams.builder()
 *     .status(InvocationStatus.FAILED, InvocationStatus.TIMED_OUT)
 *     .action(InvocationAction.ACT)
 *     .limit(100)
 *     .build();
 * }</pre>
 *
 * <p>A status or action newer than this SDK version is filtered on by its wire string: {@code
 * statusValue("paused")}, {@code actionValue("scroll")}.
 */
public final class ListInvocationsParams {
  private static final ListInvocationsParams NONE = new Builder().build();

  private final List<String> statusValues;
  private final List<String> actionValues;
  private final @Nullable Integer limit;
  private final @Nullable String cursor;

  ListInvocationsParams(Builder builder) {
    this.statusValues = builder.statusValues;
    this.actionValues = builder.actionValues;
    this.limit = builder.limit;
    this.cursor = builder.cursor;
  }

  /** Returns params that set nothing. */
  public static ListInvocationsParams none() {
    return NONE;
  }

  /** Returns a builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these params, e.g. to set a resume cursor. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.statusValues = statusValues;
    builder.actionValues = actionValues;
    builder.limit = limit;
    builder.cursor = cursor;
    return builder;
  }

  /**
   * Returns the statuses to match; empty matches all. A wire string this SDK version does not know
   * is {@link InvocationStatus#UNKNOWN} here; {@link #statusValues()} has it as set.
   */
  public List<InvocationStatus> statuses() {
    return constants(statusValues, InvocationStatus::fromValue);
  }

  /**
   * Returns the statuses to match as the wire strings sent, in the order set; empty matches all.
   */
  public List<String> statusValues() {
    return statusValues;
  }

  /**
   * Returns the actions to match; empty matches all. A wire string this SDK version does not know
   * is {@link InvocationAction#UNKNOWN} here; {@link #actionValues()} has it as set.
   */
  public List<InvocationAction> actions() {
    return constants(actionValues, InvocationAction::fromValue);
  }

  private static <E> List<E> constants(List<String> values, Function<String, E> fromValue) {
    List<E> constants = new ArrayList<>(values.size());
    for (String value : values) {
      constants.add(fromValue.apply(value));
    }
    return Collections.unmodifiableList(constants);
  }

  /** Returns the actions to match as the wire strings sent, in the order set; empty matches all. */
  public List<String> actionValues() {
    return actionValues;
  }

  /** Returns the page size, when set. */
  public Optional<Integer> limit() {
    return Optional.ofNullable(limit);
  }

  /** Returns the cursor to start from, when set. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ListInvocationsParams)) {
      return false;
    }
    ListInvocationsParams that = (ListInvocationsParams) o;
    return statusValues.equals(that.statusValues)
        && actionValues.equals(that.actionValues)
        && Objects.equals(limit, that.limit)
        && Objects.equals(cursor, that.cursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusValues, actionValues, limit, cursor);
  }

  @Override
  public String toString() {
    return "ListInvocationsParams{statuses="
        + statusValues
        + ", actions="
        + actionValues
        + ", limit="
        + limit
        + ", cursor="
        + cursor
        + "}";
  }

  /** Builds {@link ListInvocationsParams}. Each setter replaces what it set before. */
  public static final class Builder {
    private List<String> statusValues = Collections.emptyList();
    private List<String> actionValues = Collections.emptyList();
    private @Nullable Integer limit;
    private @Nullable String cursor;

    Builder() {}

    /**
     * Matches invocations in any of {@code statuses}; none clears the filter.
     *
     * @throws IllegalArgumentException for a null element or {@link InvocationStatus#UNKNOWN}
     */
    public Builder status(InvocationStatus... statuses) {
      return status(Arrays.asList(notNull(statuses, "status")));
    }

    /**
     * Matches invocations in any of {@code statuses}; an empty collection clears the filter.
     *
     * @throws IllegalArgumentException for a null element or {@link InvocationStatus#UNKNOWN}
     */
    public Builder status(Collection<InvocationStatus> statuses) {
      this.statusValues =
          wireValues(statuses, InvocationStatus.UNKNOWN, InvocationStatus::value, "status");
      return this;
    }

    /**
     * Matches invocations in any of the statuses {@code statuses} name, as wire strings sent
     * exactly as given, known to this SDK version or not (a status the API added since, say); none
     * clears the filter.
     *
     * @throws IllegalArgumentException for a null element or one that is not a token: empty, or
     *     with a character other than letters, digits and {@code !#$%&'*+-.^_`|~}
     */
    public Builder statusValue(String... statuses) {
      this.statusValues = tokens(statuses, "status");
      return this;
    }

    /**
     * Matches invocations of any of {@code actions}; none clears the filter.
     *
     * @throws IllegalArgumentException for a null element or {@link InvocationAction#UNKNOWN}
     */
    public Builder action(InvocationAction... actions) {
      return action(Arrays.asList(notNull(actions, "action")));
    }

    /**
     * Matches invocations of any of {@code actions}; an empty collection clears the filter.
     *
     * @throws IllegalArgumentException for a null element or {@link InvocationAction#UNKNOWN}
     */
    public Builder action(Collection<InvocationAction> actions) {
      this.actionValues =
          wireValues(actions, InvocationAction.UNKNOWN, InvocationAction::value, "action");
      return this;
    }

    /**
     * Matches invocations of any of the actions {@code actions} name, as wire strings sent exactly
     * as given, known to this SDK version or not; none clears the filter.
     *
     * @throws IllegalArgumentException for a null element or one that is not a token: empty, or
     *     with a character other than letters, digits and {@code !#$%&'*+-.^_`|~}
     */
    public Builder actionValue(String... actions) {
      this.actionValues = tokens(actions, "action");
      return this;
    }

    /**
     * Sets how many invocations a page holds at most.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be >= 1: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Starts at the page of {@code cursor}: a {@code nextCursor} from an earlier page, or an
     * exception's {@code resumeCursor()}. Null starts at the first page.
     *
     * @throws IllegalArgumentException if the cursor is empty
     */
    public Builder cursor(@Nullable String cursor) {
      if (cursor != null && cursor.isEmpty()) {
        throw new IllegalArgumentException("cursor is empty; pass null to start at the first page");
      }
      this.cursor = cursor;
      return this;
    }

    /** Returns the params. */
    public ListInvocationsParams build() {
      return new ListInvocationsParams(this);
    }

    private static <V> V notNull(V value, String name) {
      if (value == null) {
        throw new IllegalArgumentException(name + " filter == null");
      }
      return value;
    }

    /** The wire strings of constants the caller named: none null, none UNKNOWN (it has none). */
    private static <E> List<String> wireValues(
        Collection<E> constants, E unknown, Function<E, @Nullable String> wireValue, String name) {
      List<String> values = new ArrayList<>();
      for (E constant : notNull(constants, name)) {
        if (constant == null) {
          throw new IllegalArgumentException(name + " filter contains null");
        }
        if (constant == unknown) {
          throw new IllegalArgumentException(
              name
                  + " filter cannot be UNKNOWN: it has no wire value; use "
                  + name
                  + "Value(String)");
        }
        // Every constant but UNKNOWN has a wire value.
        values.add(Objects.requireNonNull(wireValue.apply(constant)));
      }
      return Collections.unmodifiableList(values);
    }

    private static List<String> tokens(String[] values, String name) {
      notNull(values, name);
      List<String> copy = new ArrayList<>(values.length);
      for (String value : values) {
        if (value == null) {
          throw new IllegalArgumentException(name + " filter contains null");
        }
        if (!isToken(value)) {
          throw new IllegalArgumentException(
              name
                  + " filter value \""
                  + value
                  + "\" is not a token: one or more letters, digits or !#$%&'*+-.^_`|~");
        }
        copy.add(value);
      }
      return Collections.unmodifiableList(copy);
    }

    /** RFC 9110's token: the characters an identifier-like wire value is made of. */
    private static boolean isToken(String value) {
      if (value.isEmpty()) {
        return false;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        boolean alphanumeric =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
          return false;
        }
      }
      return true;
    }
  }
}
