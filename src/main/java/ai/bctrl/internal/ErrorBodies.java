package ai.bctrl.internal;

import ai.bctrl.models.ErrorResponse;
import java.io.IOException;
import java.util.Map;

/** Reads the API's {@code ErrorResponse} out of an error body, when the body is that shape. */
final class ErrorBodies {
  private ErrorBodies() {}

  /**
   * Returns the decoded body, or null when it is not JSON or lacks {@code code} or {@code error}.
   */
  @SuppressWarnings("unchecked")
  static ErrorResponse parse(String rawBody) {
    if (rawBody == null || rawBody.isEmpty()) {
      return null;
    }
    Object json;
    try {
      json = Json.MAPPER.readValue(rawBody, Object.class);
    } catch (IOException notJson) {
      // A proxy's HTML page or plain text: the caller still gets it through rawBody().
      return null;
    }
    if (!(json instanceof Map)) {
      return null;
    }
    Map<String, Object> fields = (Map<String, Object>) json;
    String code = stringOrNull(fields.get("code"));
    String error = stringOrNull(fields.get("error"));
    if (code == null || error == null) {
      return null;
    }
    Object details = fields.get("details");
    return ErrorResponse.builder()
        .code(code)
        .error(error)
        .hint(stringOrNull(fields.get("hint")))
        .reasonClassValue(stringOrNull(fields.get("reasonClass")))
        .requestId(stringOrNull(fields.get("requestId")))
        .details(details instanceof Map ? (Map<String, Object>) details : null)
        .build();
  }

  private static String stringOrNull(Object value) {
    return value instanceof String ? (String) value : null;
  }
}
