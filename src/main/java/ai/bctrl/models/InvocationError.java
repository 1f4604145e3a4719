package ai.bctrl.models;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an invocation failed: the {@code error} object of an {@link InvocationSummary}.
 *
 * <p>Branch on {@link #code()}; {@link #details()} is resource-specific context of no fixed shape.
 */
public final class InvocationError {
  private final String message;
  private final String code;
  private final Map<String, Object> details;

  InvocationError(Builder builder) {
    this.message = builder.message;
    this.code = builder.code;
    this.details = Maps.orEmpty(builder.details);
  }

  /**
   * Returns a builder; {@code message} is required.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this error's values, to derive a changed copy.
   *
   * @return a builder initialised from this error
   */
  public Builder toBuilder() {
    return new Builder().message(message).code(code).details(details);
  }

  /**
   * Returns the human-readable failure message.
   *
   * @return the message, never null
   */
  public String message() {
    return message;
  }

  /**
   * Returns the stable error code, e.g. {@code "invocation.timeout"}, when the API sent one.
   *
   * @return the code, or empty
   */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /**
   * Returns structured context as plain Java values (String, Number, Boolean, List, Map, null).
   *
   * @return an unmodifiable map in the API's field order, its nested maps and lists unmodifiable
   *     too; empty when the API sent none
   */
  public Map<String, Object> details() {
    return details;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof InvocationError)) {
      return false;
    }
    InvocationError that = (InvocationError) o;
    return message.equals(that.message)
        && Objects.equals(code, that.code)
        && details.equals(that.details);
  }

  @Override
  public int hashCode() {
    return Objects.hash(message, code, details);
  }

  @Override
  public String toString() {
    return "InvocationError{code=" + code + ", message=" + message + ", details=" + details + "}";
  }

  /** Builds an {@link InvocationError}. */
  public static final class Builder {
    private String message;
    private String code;
    private Map<String, Object> details;

    Builder() {}

    /**
     * Sets the failure message (required).
     *
     * @param message the message
     * @return this builder
     */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * Sets the error code, or clears it with null.
     *
     * @param code the code
     * @return this builder
     */
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /**
     * Sets the details; the map is copied, nested maps and lists included. Null means none.
     *
     * @param details plain Java values
     * @return this builder
     */
    public Builder details(Map<String, ?> details) {
      this.details = Maps.copyOrNull(details);
      return this;
    }

    /**
     * Returns the error.
     *
     * @return a new immutable error
     * @throws IllegalStateException if the message is missing
     */
    public InvocationError build() {
      if (message == null) {
        throw new IllegalStateException("message == null");
      }
      return new InvocationError(this);
    }
  }
}
