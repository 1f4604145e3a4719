package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Invocation JSON for tests, with ids that say which page and position they came from. */
public final class Fixtures {
  private Fixtures() {}

  /** The next request {@code server} received, waiting at most 5 s for it. */
  public static RecordedRequest received(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("request reached the server").isNotNull();
    return request;
  }

  public static String invocationId(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  /** One invocation object; {@code n} makes it unique. */
  public static String invocationJson(int n) {
    return "{\"action\":\"act\",\"createdAt\":\"2024-06-10T15:22:30Z\",\"id\":\""
        + invocationId(n)
        + "\",\"runId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\","
        + "\"runtimeId\":\"1c6b147a-8f3a-4d2a-9f3e-2a1b5c4d7e8f\",\"status\":\"succeeded\","
        + "\"durationMs\":"
        + (100 + n)
        + ",\"error\":null,\"finishedAt\":\"2024-06-10T15:22:35Z\"}";
  }

  /** A page body holding invocations {@code first} .. {@code first + count - 1}. */
  public static String pageJson(int first, int count, String nextCursor) {
    StringBuilder body = new StringBuilder("{\"data\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(invocationJson(first + i));
    }
    body.append("],\"nextCursor\":");
    body.append(nextCursor == null ? "null" : "\"" + nextCursor + "\"");
    return body.append('}').toString();
  }

  public static MockResponse page(int first, int count, String nextCursor) {
    return json(200, pageJson(first, count, nextCursor));
  }

  public static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  public static MockResponse error(int status, String code, String message, String requestId) {
    return json(
        status,
        "{\"code\":\""
            + code
            + "\",\"error\":\""
            + message
            + "\",\"reasonClass\":\"not_found\",\"requestId\":\""
            + requestId
            + "\",\"hint\":\"check the run id\",\"details\":{\"runId\":\"r1\"}}");
  }
}
