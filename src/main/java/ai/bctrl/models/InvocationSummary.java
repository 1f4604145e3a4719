package ai.bctrl.models;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One invocation of a run, as listed by {@code GET /v1/runs/{runId}/invocations}.
 *
 * <p>Immutable. Fields the spec marks nullable are {@link Optional}. {@link #action()} and {@link
 * #status()} are open: a value this SDK version does not know is {@code UNKNOWN}, and {@link
 * #actionValue()} and {@link #statusValue()} keep the wire string. Fields a newer API sends that
 * this version does not know are kept in {@link #additionalProperties()}.
 */
@JsonDeserialize(builder = InvocationSummary.Builder.class)
public final class InvocationSummary {
  private final String id;
  private final String runId;
  private final String runtimeId;
  private final String actionValue;
  private final String statusValue;
  private final OffsetDateTime createdAt;
  private final OffsetDateTime finishedAt;
  private final Long durationMs;
  private final InvocationError error;
  private final Map<String, Object> additionalProperties;

  private InvocationSummary(Builder builder) {
    this.id = builder.id;
    this.runId = builder.runId;
    this.runtimeId = builder.runtimeId;
    this.actionValue = builder.actionValue;
    this.statusValue = builder.statusValue;
    this.createdAt = builder.createdAt;
    this.finishedAt = builder.finishedAt;
    this.durationMs = builder.durationMs;
    this.error = builder.error;
    this.additionalProperties =
        builder.additionalProperties == null
            ? Collections.<String, Object>emptyMap()
            : Collections.unmodifiableMap(new LinkedHashMap<>(builder.additionalProperties));
  }

  /** Returns a builder; id, runId, runtimeId, action, status and createdAt are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this invocation's values, to derive a changed copy. */
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

  /** The invocation's id (a UUID). */
  public String id() {
    return id;
  }

  /** The id of the run that produced this invocation (a UUID). */
  public String runId() {
    return runId;
  }

  /** The id of the browser runtime the invocation ran in (a UUID). */
  public String runtimeId() {
    return runtimeId;
  }

  /** The action, or {@link InvocationAction#UNKNOWN} for one this SDK does not know. */
  public InvocationAction action() {
    return InvocationAction.fromValue(actionValue);
  }

  /** The action exactly as the API sent it, known or not. */
  public String actionValue() {
    return actionValue;
  }

  /** The status, or {@link InvocationStatus#UNKNOWN} for one this SDK does not know. */
  public InvocationStatus status() {
    return InvocationStatus.fromValue(statusValue);
  }

  /** The status exactly as the API sent it, known or not (e.g. {@code "paused"}). */
  public String statusValue() {
    return statusValue;
  }

  /** When the invocation was created, in the offset the API sent. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the invocation finished; empty while it is still going. */
  public Optional<OffsetDateTime> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  /** How long the invocation took in milliseconds; empty while it is still going. */
  public Optional<Long> durationMs() {
    return Optional.ofNullable(durationMs);
  }

  /** Why the invocation failed; empty when it did not. */
  public Optional<InvocationError> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The fields the API sent that this SDK version has no accessor for, as plain Java values
   * (String, Number, Boolean, List, Map, null), in the API's order and unmodifiable at every depth;
   * usually empty.
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

  /**
   * Builds an {@link InvocationSummary}. The SDK's decoder binds the API's JSON through the
   * annotated setters: JSON null for a required field is refused there, a missing one by {@link
   * #build()}.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
  public static final class Builder {
    private String id;
    private String runId;
    private String runtimeId;
    private String actionValue;
    private String statusValue;
    private OffsetDateTime createdAt;
    private OffsetDateTime finishedAt;
    private Long durationMs;
    private InvocationError error;
    private Map<String, Object> additionalProperties;

    Builder() {}

    @JsonProperty("id")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    @JsonProperty("runId")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    @JsonProperty("runtimeId")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder runtimeId(String runtimeId) {
      this.runtimeId = runtimeId;
      return this;
    }

    /**
     * Sets a known action.
     *
     * @throws IllegalArgumentException for {@link InvocationAction#UNKNOWN}, which has no wire
     *     string; use {@link #actionValue(String)}
     */
    public Builder action(InvocationAction action) {
      if (action == InvocationAction.UNKNOWN) {
        throw new IllegalArgumentException("UNKNOWN has no wire value; use actionValue(String)");
      }
      return actionValue(action == null ? null : action.value());
    }

    /** Sets the action as a wire string, known to this SDK or not, e.g. {@code "act"}. */
    @JsonProperty("action")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder actionValue(String actionValue) {
      this.actionValue = actionValue;
      return this;
    }

    /**
     * Sets a known status.
     *
     * @throws IllegalArgumentException for {@link InvocationStatus#UNKNOWN}, which has no wire
     *     string; use {@link #statusValue(String)}
     */
    public Builder status(InvocationStatus status) {
      if (status == InvocationStatus.UNKNOWN) {
        throw new IllegalArgumentException("UNKNOWN has no wire value; use statusValue(String)");
      }
      return statusValue(status == null ? null : status.value());
    }

    /** Sets the status as a wire string, known to this SDK or not, e.g. {@code "failed"}. */
    @JsonProperty("status")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder statusValue(String statusValue) {
      this.statusValue = statusValue;
      return this;
    }

    @JsonProperty("createdAt")
    @JsonSetter(nulls = Nulls.FAIL)
    public Builder createdAt(OffsetDateTime createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets the finish time; null while the invocation is going. */
    @JsonProperty("finishedAt")
    public Builder finishedAt(OffsetDateTime finishedAt) {
      this.finishedAt = finishedAt;
      return this;
    }

    /** Sets the duration in milliseconds; null while the invocation is going. */
    @JsonProperty("durationMs")
    public Builder durationMs(Long durationMs) {
      this.durationMs = durationMs;
      return this;
    }

    /** Sets the failure; null when there is none. */
    @JsonProperty("error")
    public Builder error(InvocationError error) {
      this.error = error;
      return this;
    }

    /** Sets the fields unknown to this SDK version (copied at every depth); null means none. */
    public Builder additionalProperties(Map<String, ?> additionalProperties) {
      this.additionalProperties =
          additionalProperties == null
              ? null
              : new LinkedHashMap<>(Maps.copyOf(additionalProperties));
      return this;
    }

    @JsonAnySetter
    private void additionalProperty(String name, Object value) {
      if (additionalProperties == null) {
        additionalProperties = new LinkedHashMap<>();
      }
      additionalProperties.put(name, Maps.copyValue(value));
    }

    /**
     * Returns the invocation.
     *
     * @throws IllegalStateException naming the first required field that is missing
     */
    public InvocationSummary build() {
      Required.check(id, "id");
      Required.check(runId, "runId");
      Required.check(runtimeId, "runtimeId");
      Required.check(actionValue, "action");
      Required.check(statusValue, "status");
      Required.check(createdAt, "createdAt");
      return new InvocationSummary(this);
    }
  }
}
