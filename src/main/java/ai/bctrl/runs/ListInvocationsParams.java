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
 */
public final class ListInvocationsParams {
  private static final ListInvocationsParams NONE = new Builder().build();

  private final List<InvocationStatus> statuses;
  private final List<InvocationAction> actions;
  private final @Nullable Integer limit;
  private final @Nullable String cursor;

  ListInvocationsParams(Builder builder) {
    this.statuses = builder.statuses;
    this.actions = builder.actions;
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
    builder.statuses = statuses;
    builder.actions = actions;
    builder.limit = limit;
    builder.cursor = cursor;
    return builder;
  }

  /** Returns the statuses to match; empty matches all. */
  public List<InvocationStatus> statuses() {
    return statuses;
  }

  /** Returns the actions to match; empty matches all. */
  public List<InvocationAction> actions() {
    return actions;
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
    return statuses.equals(that.statuses)
        && actions.equals(that.actions)
        && Objects.equals(limit, that.limit)
        && Objects.equals(cursor, that.cursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statuses, actions, limit, cursor);
  }

  @Override
  public String toString() {
    return "ListInvocationsParams{statuses="
        + statuses
        + ", actions="
        + actions
        + ", limit="
        + limit
        + ", cursor="
        + cursor
        + "}";
  }

  /** Builds {@link ListInvocationsParams}. Each setter replaces what it set before. */
  public static final class Builder {
    private List<InvocationStatus> statuses = Collections.emptyList();
    private List<InvocationAction> actions = Collections.emptyList();
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
      this.statuses = filterValues(statuses, InvocationStatus.UNKNOWN, "status");
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
      this.actions = filterValues(actions, InvocationAction.UNKNOWN, "action");
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

    private static <E> List<E> filterValues(Collection<E> values, E unknown, String name) {
      notNull(values, name);
      List<E> copy = new ArrayList<>(values.size());
      for (E value : values) {
        if (value == null) {
          throw new IllegalArgumentException(name + " filter contains null");
        }
        if (value == unknown) {
          throw new IllegalArgumentException(
              name + " filter cannot be UNKNOWN: it has no wire value");
        }
        copy.add(value);
      }
      return Collections.unmodifiableList(copy);
    }
  }
}
