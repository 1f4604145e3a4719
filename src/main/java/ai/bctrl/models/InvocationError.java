package ai.bctrl.models;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an invocation failed: the {@code error} object of an {@link InvocationSummary}.
 *
 * <p>Branch on {@link #code()}; {@link #details()} is resource-specific context of no fixed shape.
 */
@JsonDeserialize(builder = InvocationError.Builder.class)
public final class InvocationError {
  private final String message;
  private final String code;
  private final Map<String, Object> details;

  private InvocationError(Builder builder) {
    this.message = builder.message;
    this.code = builder.code;
    this.details = builder.details;
  }

  /** Returns a builder; message is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this error's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder().message(message).code(code).details(details);
  }

  /** A readable description of the failure. */
  public String message() {
    return message;
  }

  /** A stable, dot-namespaced code such as {@code "invocation.timeout"}, when the API sent one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /**
   * Resource-specific context as plain Java values, in the API's order and unmodifiable at every
   * depth; empty when the API sent none.
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
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
  public static final class Builder {
    private String message;
    private String code;
    private Map<String, Object> details = Collections.emptyMap();

    Builder() {}

    @JsonProperty("message")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    @JsonProperty("code")
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /** Sets the context (copied at every depth); null means none. */
    @JsonProperty("details")
    public Builder details(Map<String, ?> details) {
      this.details = Maps.copyOf(details);
      return this;
    }

    /**
     * Returns the error.
     *
     * @throws IllegalStateException if message is missing
     */
    public InvocationError build() {
      Required.check(message, "message");
      return new InvocationError(this);
    }
  }
}
