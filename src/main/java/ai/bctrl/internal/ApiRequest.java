package ai.bctrl.internal;

import ai.bctrl.RequestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * What a resource client asks for, and the one place it becomes an HTTP request: a GET of path
 * segments under the base URL with query parameters, the page cursor, and the call's options.
 * Immutable; the cursor is kept apart so that a walk can ask for the next page of the same request,
 * and a failure can say which page it was fetching.
 */
public final class ApiRequest {
  static final String USER_AGENT = "bctrl-java/" + sdkVersion();

  final List<String> pathSegments;
  final List<String> queryNamesAndValues;
  final String cursor;
  final RequestOptions options;

  private ApiRequest(
      List<String> pathSegments, List<String> query, String cursor, RequestOptions options) {
    this.pathSegments = pathSegments;
    this.queryNamesAndValues = query;
    this.cursor = cursor;
    this.options = options;
  }

  /** A GET of {@code segments}, each percent-encoded as one path segment ({@code "a/b"} too). */
  public static ApiRequest get(RequestOptions options, String... segments) {
    if (options == null) {
      throw new IllegalArgumentException("options == null");
    }
    List<String> path = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(segments)));
    return new ApiRequest(path, Collections.<String>emptyList(), null, options);
  }

  /**
   * Checks an id that will be one path segment, naming it as {@code name} in the message: HTTP
   * resolves {@code "."} and {@code ".."} away, so no resource can have them as its id.
   */
  public static String pathId(String name, String id) {
    if (id == null || id.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " is null or blank");
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(name + " cannot be \".\" or \"..\"");
    }
    return id;
  }

  /** Returns a copy with one more query parameter; repeat a name to send an array. */
  public ApiRequest withQuery(String name, String value) {
    List<String> query = new ArrayList<>(queryNamesAndValues);
    query.add(name);
    query.add(value);
    return new ApiRequest(pathSegments, Collections.unmodifiableList(query), cursor, options);
  }

  /** Returns a copy that fetches the page at {@code cursor}; null fetches the first page. */
  public ApiRequest withCursor(String cursor) {
    return new ApiRequest(pathSegments, queryNamesAndValues, cursor, options);
  }

  /** The URL: the base URL's path, the segments, the query, the caller's query, the cursor. */
  HttpUrl url(HttpUrl baseUrl) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : pathSegments) {
      url.addEncodedPathSegment(percentEncode(segment));
    }
    for (int i = 0; i < queryNamesAndValues.size(); i += 2) {
      url.addQueryParameter(queryNamesAndValues.get(i), queryNamesAndValues.get(i + 1));
    }
    for (Map.Entry<String, List<String>> param : options.queryParams().entrySet()) {
      for (String value : param.getValue()) {
        url.addQueryParameter(param.getKey(), value);
      }
    }
    if (cursor != null) {
      url.addQueryParameter("cursor", cursor);
    }
    return url.build();
  }

  /**
   * The HTTP request of attempt number {@code attempt}, sent with {@code apiKey} and the client's
   * {@code clientHeaders}; the call's own option headers of the same name win over them.
   */
  Request httpRequest(HttpUrl url, int attempt, String apiKey, Map<String, String> clientHeaders) {
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + apiKey)
            .header("Accept", "application/json")
            // Asked for here, not by OkHttp, so that the SDK decompresses (see ResponseBodies).
            .header("Accept-Encoding", "gzip")
            .header("User-Agent", USER_AGENT);
    for (Map.Entry<String, String> header : clientHeaders.entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    if (attempt > 1) {
      request.header("X-Bctrl-Retry-Count", Integer.toString(attempt - 1));
    }
    return request.build();
  }

  /**
   * Every byte but RFC 3986's unreserved characters percent-encoded, so that an id is one path
   * segment: not {@code /}, nor {@code ;} or {@code =}, which servlet containers read as path
   * parameters. {@link URLEncoder} differs from RFC 3986 in {@code *}, {@code ~} and space only.
   */
  static String percentEncode(String segment) {
    try {
      String form = URLEncoder.encode(segment, "UTF-8");
      return form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    } catch (UnsupportedEncodingException impossible) {
      throw new AssertionError(impossible); // Every JVM has UTF-8.
    }
  }

  /** The SDK's own version, written into a resource by the build. */
  private static String sdkVersion() {
    try (InputStream in = ApiRequest.class.getResourceAsStream("/ai/bctrl/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
