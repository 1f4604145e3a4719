package ai.bctrl.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor: what a careful user writes without the SDK. OkHttp, one shared ObjectMapper with the
 * JSR-310 module, binding straight from the body stream into plain classes.
 */
final class HandWritten {
  /** One invocation as a user would declare it. */
  public static final class Invocation {
    public String id;
    public String runId;
    public String runtimeId;
    public String action;
    public String status;
    public OffsetDateTime createdAt;
    public OffsetDateTime finishedAt;
    public Long durationMs;
    public Map<String, Object> error;
  }

  /** The list envelope. */
  public static final class Page {
    public List<Invocation> data;
    public String nextCursor;
  }

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private HandWritten() {}

  static Page fetch(OkHttpClient client, String baseUrl, String key, String runId, String cursor)
      throws IOException {
    HttpUrl.Builder url =
        HttpUrl.get(baseUrl)
            .newBuilder()
            .addPathSegments("v1/runs")
            .addPathSegment(runId)
            .addPathSegment("invocations");
    if (cursor != null) {
      url.addQueryParameter("cursor", cursor);
    }
    Request request =
        new Request.Builder().url(url.build()).header("Authorization", "Bearer " + key).build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return MAPPER.readValue(response.body().byteStream(), Page.class);
    }
  }

  /** Walks every page, handing each invocation to {@code sink}. */
  static int walk(
      OkHttpClient client, String baseUrl, String key, String runId, Consumer<Invocation> sink)
      throws IOException {
    int count = 0;
    String cursor = null;
    do {
      Page page = fetch(client, baseUrl, key, runId, cursor);
      for (Invocation invocation : page.data) {
        sink.accept(invocation);
        count++;
      }
      cursor = page.nextCursor;
    } while (cursor != null);
    return count;
  }
}
