package ai.bctrl.models;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body the API sends with every error status: a stable {@code code} to branch on, a readable
 * {@code error}, and optional hint, category, request id and details.
 */
public final class ErrorResponse {
  private final String code;
  private final String error;
  private final String hint;
  private final String reasonClassValue;
  private final ReasonClass reasonClass;
  private final String requestId;
  private final Map<String, Object> details;

  ErrorResponse(Builder builder) {
    this.code = builder.code;
    this.error = builder.error;
    this.hint = builder.hint;
    this.reasonClassValue = builder.reasonClassValue;
    this.reasonClass = ReasonClass.fromValue(builder.reasonClassValue);
    this.requestId = builder.requestId;
    this.details = Maps.orEmpty(builder.details);
  }

  /**
   * Returns a builder; {@code code} and {@code error} are required.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the stable, dot-namespaced error code, e.g. {@code "run.not_found"}.
   *
   * @return the code, never null
   */
  public String code() {
    return code;
  }

  /**
   * Returns the server's description of what went wrong.
   *
   * @return the error text, never null
   */
  public String error() {
    return error;
  }

  /**
   * Returns the server's suggested next step for a recoverable error, e.g. "retry after 2s".
   *
   * @return the hint, or empty
   */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /**
   * Returns the error category, or {@link ReasonClass#UNKNOWN} when absent or not known.
   *
   * @return the category, never null
   */
  public ReasonClass reasonClass() {
    return reasonClass;
  }

  /**
   * Returns the error category exactly as the API sent it.
   *
   * @return the wire string, or null when the body had none
   */
  public String reasonClassValue() {
    return reasonClassValue;
  }

  /**
   * Returns the id the server gave the failed request; quote it when asking for support.
   *
   * @return the request id, or empty
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
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
  public static final class Builder {
    private String code;
    private String error;
    private String hint;
    private String reasonClassValue;
    private String requestId;
    private Map<String, Object> details;

    Builder() {}

    /**
     * Sets the error code (required).
     *
     * @param code e.g. {@code "run.not_found"}
     * @return this builder
     */
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    /**
     * Sets the error text (required).
     *
     * @param error the server's description
     * @return this builder
     */
    public Builder error(String error) {
      this.error = error;
      return this;
    }

    /**
     * Sets the hint, or clears it with null.
     *
     * @param hint the suggested next step
     * @return this builder
     */
    public Builder hint(String hint) {
      this.hint = hint;
      return this;
    }

    /**
     * Sets the category as a wire string, known to this SDK or not; null for none.
     *
     * @param reasonClassValue e.g. {@code "rate_limited"}
     * @return this builder
     */
    public Builder reasonClassValue(String reasonClassValue) {
      this.reasonClassValue = reasonClassValue;
      return this;
    }

    /**
     * Sets the request id, or clears it with null.
     *
     * @param requestId the server's id for the request
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
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
     * Returns the error response.
     *
     * @return a new immutable error response
     * @throws IllegalStateException if code or error is missing
     */
    public ErrorResponse build() {
      if (code == null) {
        throw new IllegalStateException("code == null");
      }
      if (error == null) {
        throw new IllegalStateException("error == null");
      }
      return new ErrorResponse(this);
    }
  }
}
