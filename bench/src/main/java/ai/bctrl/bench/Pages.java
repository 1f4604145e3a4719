package ai.bctrl.bench;

/** Realistic invocation JSON: the documented example's shape, a fifth of them failed. */
final class Pages {
  private static final String[] ACTIONS = {
    "act", "observe", "extract", "browserUse", "stagehandAgent", "solveCaptcha"
  };

  private Pages() {}

  static String items(int first, int count) {
    StringBuilder json = new StringBuilder();
    for (int i = first; i < first + count; i++) {
      if (i > first) {
        json.append(',');
      }
      boolean failed = i % 5 == 4;
      json.append("{\"action\":\"")
          .append(ACTIONS[i % ACTIONS.length])
          .append("\",\"createdAt\":\"2024-06-10T15:22:")
          .append(String.format("%02d", i % 60))
          .append(".")
          .append(String.format("%03d", i % 1000))
          .append("Z\",\"id\":\"")
          .append(String.format("3fa85f64-5717-4562-b3fc-%012d", i))
          .append("\",\"runId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"")
          .append(",\"runtimeId\":\"1c6b147a-8f3a-4d2a-9f3e-2a1b5c4d7e8f\",\"status\":\"")
          .append(failed ? "failed" : "succeeded")
          .append("\",\"durationMs\":")
          .append(300 + i % 900)
          .append(",\"error\":");
      if (failed) {
        json.append(
            "{\"message\":\"Invocation exceeded the maximum allowed duration.\","
                + "\"code\":\"invocation.timeout\","
                + "\"details\":{\"timeoutSeconds\":30,\"step\":\"fetchData\"}}");
      } else {
        json.append("null");
      }
      json.append(",\"finishedAt\":\"2024-06-10T15:22:35+02:00\"}");
    }
    return json.toString();
  }

  static String page(int first, int count, String nextCursor) {
    return "{\"data\":["
        + items(first, count)
        + "],\"nextCursor\":"
        + (nextCursor == null ? "null" : "\"" + nextCursor + "\"")
        + "}";
  }
}
