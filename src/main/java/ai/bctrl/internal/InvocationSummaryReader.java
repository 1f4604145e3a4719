package ai.bctrl.internal;

import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationError;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Streams the spec's {@code InvocationSummary} schema into the model. */
public final class InvocationSummaryReader implements ItemReader<InvocationSummary> {
  public static final InvocationSummaryReader INSTANCE = new InvocationSummaryReader();

  // The known constants, and their wire values at the same index, for matching without a String.
  private static final InvocationAction[] ACTIONS =
      Arrays.stream(InvocationAction.values())
          .filter(a -> a != InvocationAction.UNKNOWN)
          .toArray(InvocationAction[]::new);
  private static final String[] ACTION_VALUES =
      Arrays.stream(ACTIONS).map(InvocationAction::value).toArray(String[]::new);
  private static final InvocationStatus[] STATUSES =
      Arrays.stream(InvocationStatus.values())
          .filter(s -> s != InvocationStatus.UNKNOWN)
          .toArray(InvocationStatus[]::new);
  private static final String[] STATUS_VALUES =
      Arrays.stream(STATUSES).map(InvocationStatus::value).toArray(String[]::new);

  private InvocationSummaryReader() {}

  @Override
  public InvocationSummary read(JsonParser parser, RepeatedValues repeats) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw Json.mismatch(parser, "", "an object");
    }
    InvocationSummary.Builder builder = InvocationSummary.builder();
    Map<String, Object> unknown = null;
    String field;
    while ((field = parser.nextFieldName()) != null) {
      parser.nextToken();
      switch (field) {
        case "id":
          builder.id(Json.readString(parser, "id", false));
          break;
        case "runId":
          builder.runId(repeats.read(parser, 0, "runId"));
          break;
        case "runtimeId":
          builder.runtimeId(repeats.read(parser, 1, "runtimeId"));
          break;
        case "action":
          int action = Json.indexOfKnown(parser, "action", ACTION_VALUES);
          if (action >= 0) {
            builder.action(ACTIONS[action]);
          } else {
            builder.actionValue(parser.getText());
          }
          break;
        case "status":
          int status = Json.indexOfKnown(parser, "status", STATUS_VALUES);
          if (status >= 0) {
            builder.status(STATUSES[status]);
          } else {
            builder.statusValue(parser.getText());
          }
          break;
        case "createdAt":
          builder.createdAt(Json.readTimestamp(parser, "createdAt", false, repeats));
          break;
        case "finishedAt":
          builder.finishedAt(Json.readTimestamp(parser, "finishedAt", true, repeats));
          break;
        case "durationMs":
          builder.durationMs(Json.readNullableLong(parser, "durationMs"));
          break;
        case "error":
          try {
            builder.error(readError(parser));
          } catch (SchemaMismatch e) {
            throw e.within("error");
          }
          break;
        default:
          if (unknown == null) {
            unknown = new LinkedHashMap<>();
          }
          unknown.put(field, Json.readAny(parser));
      }
    }
    builder.additionalProperties(unknown);
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      // The builder names the missing field as "field == null".
      String missing = e.getMessage().replace(" == null", "");
      throw new SchemaMismatch(missing, "required field is missing", null);
    }
  }

  private static InvocationError readError(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw Json.mismatch(parser, "", "an object or null");
    }
    InvocationError.Builder builder = InvocationError.builder();
    String field;
    while ((field = parser.nextFieldName()) != null) {
      parser.nextToken();
      switch (field) {
        case "message":
          builder.message(Json.readString(parser, "message", false));
          break;
        case "code":
          builder.code(Json.readString(parser, "code", true));
          break;
        case "details":
          builder.details(Json.readObject(parser, "details"));
          break;
        default:
          parser.skipChildren();
      }
    }
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      throw new SchemaMismatch("message", "required field is missing", null);
    }
  }
}
