package ai.bctrl.runs;

import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@link RunsClient#listInvocations(String, ListInvocationsParams)}. Nothing
 * set lists every invocation, 50 a page (the server's default).
 *
 * <p>A status or action newer than this SDK version is filtered on by its wire string: {@code
 * statusValue("paused")}, {@code actionValue("scroll")}. Each filter setter replaces the filter,
 * and given none clears it; it refuses a null element, {@code UNKNOWN} (it has no wire value) and a
 * wire string that is not a token (one or more letters, digits or {@code !#$%&'*+-.^_`|~}).
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

  public static ListInvocationsParams none() {
    return NONE;
  }

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

  /** The statuses to match (empty: all); one this SDK version does not know is UNKNOWN. */
  public List<InvocationStatus> statuses() {
    return constants(statusValues, InvocationStatus::fromValue);
  }

  /** The statuses to match as the wire strings sent, in the order set. */
  public List<String> statusValues() {
    return statusValues;
  }

  /** The actions to match (empty: all); one this SDK version does not know is UNKNOWN. */
  public List<InvocationAction> actions() {
    return constants(actionValues, InvocationAction::fromValue);
  }

  /** The actions to match as the wire strings sent, in the order set. */
  public List<String> actionValues() {
    return actionValues;
  }

  private static <E> List<E> constants(List<String> values, Function<String, E> fromValue) {
    return Collections.unmodifiableList(
        values.stream().map(fromValue).collect(Collectors.toList()));
  }

  public Optional<Integer> limit() {
    return Optional.ofNullable(limit);
  }

  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ListInvocationsParams
        && fields().equals(((ListInvocationsParams) o).fields());
  }

  @Override
  public int hashCode() {
    return fields().hashCode();
  }

  private List<@Nullable Object> fields() {
    return Arrays.asList(statusValues, actionValues, limit, cursor);
  }

  @Override
  public String toString() {
    return String.format(
        "ListInvocationsParams{statuses=%s, actions=%s, limit=%s, cursor=%s}",
        statusValues, actionValues, limit, cursor);
  }

  public static final class Builder {
    /** RFC 9110's token: the characters an identifier-like wire value is made of. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private List<String> statusValues = Collections.emptyList();
    private List<String> actionValues = Collections.emptyList();
    private @Nullable Integer limit;
    private @Nullable String cursor;

    Builder() {}

    public Builder status(InvocationStatus... statuses) {
      return status(Arrays.asList(notNull(statuses, "status")));
    }

    public Builder status(Collection<InvocationStatus> statuses) {
      this.statusValues =
          wireValues(statuses, InvocationStatus.UNKNOWN, InvocationStatus::value, "status");
      return this;
    }

    /** Matches the statuses named, known to this SDK version or not, sent exactly as given. */
    public Builder statusValue(String... statuses) {
      this.statusValues = tokens(Arrays.asList(notNull(statuses, "status")), "status");
      return this;
    }

    public Builder action(InvocationAction... actions) {
      return action(Arrays.asList(notNull(actions, "action")));
    }

    public Builder action(Collection<InvocationAction> actions) {
      this.actionValues =
          wireValues(actions, InvocationAction.UNKNOWN, InvocationAction::value, "action");
      return this;
    }

    /** Matches the actions named, known to this SDK version or not, sent exactly as given. */
    public Builder actionValue(String... actions) {
      this.actionValues = tokens(Arrays.asList(notNull(actions, "action")), "action");
      return this;
    }

    /** How many invocations a page holds at most; at least 1. */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be >= 1: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Starts at the page of {@code cursor}: a {@code nextCursor} from an earlier page, or an
     * exception's {@code resumeCursor()}; null starts at the first page, empty is refused.
     */
    public Builder cursor(@Nullable String cursor) {
      if (cursor != null && cursor.isEmpty()) {
        throw new IllegalArgumentException("cursor is empty; pass null to start at the first page");
      }
      this.cursor = cursor;
      return this;
    }

    public ListInvocationsParams build() {
      return new ListInvocationsParams(this);
    }

    private static <V> V notNull(@Nullable V value, String name) {
      if (value == null) {
        throw new IllegalArgumentException(name + " filter == null");
      }
      return value;
    }

    private static <E> List<String> wireValues(
        Collection<E> constants, E unknown, Function<E, @Nullable String> wireValue, String name) {
      List<@Nullable String> values = new ArrayList<>();
      for (E constant : notNull(constants, name)) {
        if (constant == unknown) {
          throw new IllegalArgumentException(
              String.format(
                  "%s filter cannot be UNKNOWN: it has no wire value; use %sValue(String)",
                  name, name));
        }
        values.add(constant == null ? null : wireValue.apply(constant));
      }
      return tokens(values, name);
    }

    private static List<String> tokens(List<? extends @Nullable String> values, String name) {
      List<String> copy = new ArrayList<>(values.size());
      for (@Nullable String value : values) {
        if (value == null) {
          throw new IllegalArgumentException(name + " filter contains null");
        }
        if (!TOKEN.matcher(value).matches()) {
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
  }
}
