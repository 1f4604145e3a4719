package ai.bctrl.internal;

import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationError;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/** Streams the spec's {@code InvocationSummary} schema into the model. */
public final class InvocationSummaryReader implements ItemReader<InvocationSummary> {
  public static final InvocationSummaryReader INSTANCE = new InvocationSummaryReader();

  // The known constants, and their wire values at the same index, for matching without a String.
  private static final InvocationAction[] ACTIONS =
      Arrays.stream(InvocationAction.values())
          .filter(a -> a != InvocationAction.UNKNOWN)
          .toArray(InvocationAction[]::new);
  private static final WireValues ACTION_VALUES =
      new WireValues(Arrays.stream(ACTIONS).map(InvocationAction::value).toArray(String[]::new));
  private static final InvocationStatus[] STATUSES =
      Arrays.stream(InvocationStatus.values())
          .filter(s -> s != InvocationStatus.UNKNOWN)
          .toArray(InvocationStatus[]::new);
  private static final WireValues STATUS_VALUES =
      new WireValues(Arrays.stream(STATUSES).map(InvocationStatus::value).toArray(String[]::new));

  // The spec's fields, by the index the read loop switches on.
  private static final int ID = 0;
  private static final int RUN_ID = 1;
  private static final int RUNTIME_ID = 2;
  private static final int ACTION = 3;
  private static final int STATUS = 4;
  private static final int CREATED_AT = 5;
  private static final int FINISHED_AT = 6;
  private static final int DURATION_MS = 7;
  private static final int ERROR = 8;
  private static final int UNKNOWN = -1;
  private static final FieldOrder FIELDS =
      new FieldOrder(
          "id",
          "runId",
          "runtimeId",
          "action",
          "status",
          "createdAt",
          "finishedAt",
          "durationMs",
          "error");

  private InvocationSummaryReader() {}

  @Override
  public InvocationSummary read(JsonParser parser, RepeatedValues repeats) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw Json.mismatch(parser, "", "an object");
    }
    InvocationSummary.Builder builder = InvocationSummary.builder();
    JsonObject.Builder unknown = null;
    int[] followers = FIELDS.followers(repeats);
    int previous = -1;
    int field;
    while ((field = FIELDS.next(parser, followers, previous)) != FieldOrder.END) {
      String name = null;
      if (field == UNKNOWN) {
        name = parser.currentName();
      } else {
        previous = field;
      }
      JsonToken token = parser.nextToken();
      // Decoded here, once for every string field: the compiled loop then holds one copy of
      // Jackson's decoder, and the fields below read the characters as they are.
      char[] text = null;
      int start = 0;
      int length = 0;
      if (token == JsonToken.VALUE_STRING) {
        text = parser.getTextCharacters();
        start = parser.getTextOffset();
        length = parser.getTextLength();
      }
      switch (field) {
        case ID:
          builder.id(new String(Json.chars(parser, text, "id", false), start, length));
          break;
        case RUN_ID:
          builder.runId(repeats.string(0, Json.chars(parser, text, "runId", false), start, length));
          break;
        case RUNTIME_ID:
          builder.runtimeId(
              repeats.string(1, Json.chars(parser, text, "runtimeId", false), start, length));
          break;
        case ACTION:
          int action =
              ACTION_VALUES.indexOf(Json.chars(parser, text, "action", false), start, length);
          if (action >= 0) {
            builder.action(ACTIONS[action]);
          } else {
            builder.actionValue(new String(text, start, length));
          }
          break;
        case STATUS:
          int status =
              STATUS_VALUES.indexOf(Json.chars(parser, text, "status", false), start, length);
          if (status >= 0) {
            builder.status(STATUSES[status]);
          } else {
            builder.statusValue(new String(text, start, length));
          }
          break;
        case CREATED_AT:
          text = Json.chars(parser, text, "createdAt", false);
          builder.createdAt(Json.timestamp(text, start, length, "createdAt", repeats));
          break;
        case FINISHED_AT:
          if (token == JsonToken.VALUE_NULL) {
            builder.finishedAt(null);
          } else {
            text = Json.chars(parser, text, "finishedAt", true);
            builder.finishedAt(Json.timestamp(text, start, length, "finishedAt", repeats));
          }
          break;
        case DURATION_MS:
          builder.durationMs(Json.readNullableLong(parser, "durationMs"));
          break;
        case ERROR:
          try {
            builder.error(readError(parser));
          } catch (SchemaMismatch e) {
            throw e.within("error");
          }
          break;
        default:
          if (unknown == null) {
            unknown = new JsonObject.Builder();
          }
          unknown.put(name, Json.readAny(parser));
      }
    }
    builder.additionalProperties(unknown == null ? null : unknown.build());
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
