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
 * The body the API sends with every error status: a stable {@code code} to branch on, a readable
 * {@code error}, and optional hint, category, request id and details.
 */
@JsonDeserialize(builder = ErrorResponse.Builder.class)
public final class ErrorResponse {
  private final String code;
  private final String error;
  private final String hint;
  private final String reasonClassValue;
  private final String requestId;
  private final Map<String, Object> details;

  private ErrorResponse(Builder builder) {
    this.code = builder.code;
    this.error = builder.error;
    this.hint = builder.hint;
    this.reasonClassValue = builder.reasonClassValue;
    this.requestId = builder.requestId;
    this.details = builder.details;
  }

  /** Returns a builder; {@code code} and {@code error} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The stable, dot-namespaced error code, e.g. {@code "run.not_found"}. */
  public String code() {
    return code;
  }

  /** The server's description of what went wrong. */
  public String error() {
    return error;
  }

  /** The server's suggested next step for a recoverable error, e.g. "retry after 2s". */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** The error category, or {@link ReasonClass#UNKNOWN} when absent or not known. */
  public ReasonClass reasonClass() {
    return ReasonClass.fromValue(reasonClassValue);
  }

  /** The error category exactly as the API sent it; empty when the body had none. */
  public Optional<String> reasonClassValue() {
    return Optional.ofNullable(reasonClassValue);
  }

  /** The id the server gave the failed request; quote it when asking for support. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Structured context as plain Java values (String, Number, Boolean, List, Map, null), in the
   * API's order and unmodifiable at every depth; empty when the API sent none.
   */
  public Map<String, Object> details() {
    return details;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ErrorResponse)) {
      return false;
    }
    ErrorResponse that = (ErrorResponse) o;
    return code.equals(that.code)
        && error.equals(that.error)
        && Objects.equals(hint, that.hint)
        && Objects.equals(reasonClassValue, that.reasonClassValue)
        && Objects.equals(requestId, that.requestId)
        && details.equals(that.details);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, error, hint, reasonClassValue, requestId, details);
  }

  @Override
  public String toString() {
    return "ErrorResponse{code="
        + code
        + ", error="
        + error
        + ", reasonClass="
        + reasonClassValue
        + ", requestId="
        + requestId
        + ", hint="
        + hint
        + ", details="
        + details
        + "}";
  }

  /** Builds an {@link ErrorResponse}. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
  public static final class Builder {
    private String code;
    private String error;
    private String hint;
    private String reasonClassValue;
    private String requestId;
    private Map<String, Object> details = Collections.emptyMap();

    Builder() {}

    @JsonProperty("code")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    @JsonProperty("error")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder error(String error) {
      this.error = error;
      return this;
    }

    @JsonProperty("hint")
    public Builder hint(String hint) {
      this.hint = hint;
      return this;
    }

    /** Sets the category as a wire string, known to this SDK or not. */
    @JsonProperty("reasonClass")
    public Builder reasonClassValue(String reasonClassValue) {
      this.reasonClassValue = reasonClassValue;
      return this;
    }

    @JsonProperty("requestId")
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** Sets the context (copied at every depth); null means none. */
    @JsonProperty("details")
    public Builder details(Map<String, ?> details) {
      this.details = Maps.copyOf(details);
      return this;
    }

    /**
     * Returns the error body.
     *
     * @throws IllegalStateException if code or error is missing
     */
    public ErrorResponse build() {
      Required.check(code, "code");
      Required.check(error, "error");
      return new ErrorResponse(this);
    }
  }
}
