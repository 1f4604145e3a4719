package ai.bctrl.models;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One invocation of a run, as listed by {@code GET /v1/runs/{runId}/invocations}.
 *
 * <p>Immutable. Fields the spec marks nullable are {@link Optional}; fields a newer API sends that
 * this SDK version does not know are kept in {@link #additionalProperties()}.
 */
public final class InvocationSummary {
  private final String id;
  private final String runId;
  private final String runtimeId;
  private final InvocationAction action;
  private final String actionValue;
  private final InvocationStatus status;
  private final String statusValue;
  private final OffsetDateTime createdAt;
  private final OffsetDateTime finishedAt;
  private final Long durationMs;
  private final InvocationError error;
  private final Map<String, Object> additionalProperties;

  // Only copies: build() did the rest, so that the JIT inlines this into build() and the decoder's
  // builder never reaches the heap.
  private InvocationSummary(Builder builder, InvocationAction action, InvocationStatus status) {
    this.id = builder.id;
    this.runId = builder.runId;
    this.runtimeId = builder.runtimeId;
    this.actionValue = builder.actionValue;
    this.action = action;
    this.statusValue = builder.statusValue;
    this.status = status;
    this.createdAt = builder.createdAt;
    this.finishedAt = builder.finishedAt;
    this.durationMs = builder.durationMs;
    this.error = builder.error;
    this.additionalProperties = Maps.orEmpty(builder.additionalProperties);
  }

  /**
   * Returns a builder; id, runId, runtimeId, action, status and createdAt are required.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this invocation's values, to derive a changed copy.
   *
   * @return a builder initialised from this invocation
   */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .runId(runId)
        .runtimeId(runtimeId)
        .actionValue(actionValue)
        .statusValue(statusValue)
        .createdAt(createdAt)
        .finishedAt(finishedAt)
        .durationMs(durationMs)
        .error(error)
        .additionalProperties(additionalProperties);
  }

  /**
   * Returns the invocation's id (a UUID).
   *
   * @return the id, never null
   */
  public String id() {
    return id;
  }

  /**
   * Returns the id of the run that produced this invocation (a UUID).
   *
   * @return the run id, never null
   */
  public String runId() {
    return runId;
  }

  /**
   * Returns the id of the browser runtime the invocation ran in (a UUID).
   *
   * @return the runtime id, never null
   */
  public String runtimeId() {
    return runtimeId;
  }

  /**
   * Returns the action, or {@link InvocationAction#UNKNOWN} for one this SDK does not know.
   *
   * @return the action, never null
   */
  public InvocationAction action() {
    return action;
  }

  /**
   * Returns the action exactly as the API sent it, known or not.
   *
   * @return the wire string, never null
   */
  public String actionValue() {
    return actionValue;
  }

  /**
   * Returns the status, or {@link InvocationStatus#UNKNOWN} for one this SDK does not know.
   *
   * @return the status, never null
   */
  public InvocationStatus status() {
    return status;
  }

  /**
   * Returns the status exactly as the API sent it, known or not (e.g. {@code "paused"}).
   *
   * @return the wire string, never null
   */
  public String statusValue() {
    return statusValue;
  }

  /**
   * Returns when the invocation was created, with the offset the API sent.
   *
   * @return the creation time, never null
   */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /**
   * Returns when the invocation finished; empty while it is still going.
   *
   * @return the finish time, or empty
   */
  public Optional<OffsetDateTime> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  /**
   * Returns how long the invocation took in milliseconds; empty while it is still going.
   *
   * @return the duration, or empty
   */
  public Optional<Long> durationMs() {
    return Optional.ofNullable(durationMs);
  }

  /**
   * Returns why the invocation failed; empty when it did not.
   *
   * @return the error, or empty
   */
  public Optional<InvocationError> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns the fields the API sent that this SDK version has no accessor for, as plain Java values
   * (String, Number, Boolean, List, Map, null).
   *
   * @return an unmodifiable map in the API's field order, its nested maps and lists unmodifiable
   *     too; usually empty
   */
  public Map<String, Object> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof InvocationSummary)) {
      return false;
    }
    InvocationSummary that = (InvocationSummary) o;
    return id.equals(that.id)
        && runId.equals(that.runId)
        && runtimeId.equals(that.runtimeId)
        && actionValue.equals(that.actionValue)
        && statusValue.equals(that.statusValue)
        && createdAt.equals(that.createdAt)
        && Objects.equals(finishedAt, that.finishedAt)
        && Objects.equals(durationMs, that.durationMs)
        && Objects.equals(error, that.error)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        runId,
        runtimeId,
        actionValue,
        statusValue,
        createdAt,
        finishedAt,
        durationMs,
        error,
        additionalProperties);
  }

  @Override
  public String toString() {
    return "InvocationSummary{id="
        + id
        + ", runId="
        + runId
        + ", runtimeId="
        + runtimeId
        + ", action="
        + actionValue
        + ", status="
        + statusValue
        + ", createdAt="
        + createdAt
        + ", finishedAt="
        + finishedAt
        + ", durationMs="
        + durationMs
        + ", error="
        + error
        + (additionalProperties.isEmpty() ? "" : ", additionalProperties=" + additionalProperties)
        + "}";
  }

  /** Builds an {@link InvocationSummary}. */
  public static final class Builder {
    private String id;
    private String runId;
    private String runtimeId;
    private String actionValue;
    // Set when the constant is already known, so that build() need not look the wire value up.
    private InvocationAction action;
    private String statusValue;
    private InvocationStatus status;
    private OffsetDateTime createdAt;
    private OffsetDateTime finishedAt;
    private Long durationMs;
    private InvocationError error;
    private Map<String, Object> additionalProperties;

    Builder() {}

    /**
     * Sets the invocation id (required).
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the run id (required).
     *
     * @param runId the run id
     * @return this builder
     */
    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    /**
     * Sets the runtime id (required).
     *
     * @param runtimeId the runtime id
     * @return this builder
     */
    public Builder runtimeId(String runtimeId) {
      this.runtimeId = runtimeId;
      return this;
    }

    /**
     * Sets the action (required, unless {@link #actionValue(String)} is used).
     *
     * @param action a known action
     * @return this builder
     * @throws IllegalArgumentException for {@link InvocationAction#UNKNOWN}, which has no wire
     *     string; use {@link #actionValue(String)}
     */
    public Builder action(InvocationAction action) {
      if (action == InvocationAction.UNKNOWN) {
        throw new IllegalArgumentException("UNKNOWN has no wire value; use actionValue(String)");
      }
      this.actionValue = action == null ? null : action.value();
      this.action = action;
      return this;
    }

    /**
     * Sets the action as a wire string, known to this SDK or not.
     *
     * @param actionValue e.g. {@code "act"}
     * @return this builder
     */
    public Builder actionValue(String actionValue) {
      this.actionValue = actionValue;
      this.action = null;
      return this;
    }

    /**
     * Sets the status (required, unless {@link #statusValue(String)} is used).
     *
     * @param status a known status
     * @return this builder
     * @throws IllegalArgumentException for {@link InvocationStatus#UNKNOWN}, which has no wire
     *     string; use {@link #statusValue(String)}
     */
    public Builder status(InvocationStatus status) {
      if (status == InvocationStatus.UNKNOWN) {
        throw new IllegalArgumentException("UNKNOWN has no wire value; use statusValue(String)");
      }
      this.statusValue = status == null ? null : status.value();
      this.status = status;
      return this;
    }

    /**
     * Sets the status as a wire string, known to this SDK or not.
     *
     * @param statusValue e.g. {@code "failed"}
     * @return this builder
     */
    public Builder statusValue(String statusValue) {
      this.statusValue = statusValue;
      this.status = null;
      return this;
    }

    /**
     * Sets the creation time (required).
     *
     * @param createdAt the creation time
     * @return this builder
     */
    public Builder createdAt(OffsetDateTime createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /**
     * Sets the finish time; null while the invocation is going.
     *
     * @param finishedAt the finish time, or null
     * @return this builder
     */
    public Builder finishedAt(OffsetDateTime finishedAt) {
      this.finishedAt = finishedAt;
      return this;
    }

    /**
     * Sets the duration in milliseconds; null while the invocation is going.
     *
     * @param durationMs the duration, or null
     * @return this builder
     */
    public Builder durationMs(Long durationMs) {
      this.durationMs = durationMs;
      return this;
    }

    /**
     * Sets the failure; null when there is none.
     *
     * @param error the error, or null
     * @return this builder
     */
    public Builder error(InvocationError error) {
      this.error = error;
      return this;
    }

    /**
     * Sets fields unknown to this SDK version; the map is copied, nested maps and lists included.
     * Null means none.
     *
     * @param additionalProperties plain Java values by field name
     * @return this builder
     */
    public Builder additionalProperties(Map<String, ?> additionalProperties) {
      this.additionalProperties = Maps.copyOrNull(additionalProperties);
      return this;
    }

    /**
     * Returns the invocation.
     *
     * @return a new immutable invocation
     * @throws IllegalStateException naming the first required field that is missing
     */
    public InvocationSummary build() {
      requireSet(id, "id");
      requireSet(runId, "runId");
      requireSet(runtimeId, "runtimeId");
      requireSet(actionValue, "action");
      requireSet(statusValue, "status");
      requireSet(createdAt, "createdAt");
      return new InvocationSummary(
          this,
          action != null ? action : InvocationAction.fromValue(actionValue),
          status != null ? status : InvocationStatus.fromValue(statusValue));
    }

    private static void requireSet(Object value, String field) {
      if (value == null) {
        throw new IllegalStateException(field + " == null");
      }
    }
  }
}
