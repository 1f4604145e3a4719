package ai.bctrl.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** The one request builder: turns an {@link ApiRequest} into each attempt's HTTP request. */
final class RequestFactory {
  private final HttpUrl baseUrl;

  RequestFactory(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The request's URL: the base URL's path, then the segments, the query and the cursor. */
  HttpUrl url(ApiRequest api) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String segment : api.pathSegments) {
      url.addEncodedPathSegment(percentEncode(segment));
    }
    for (int i = 0; i < api.queryNamesAndValues.size(); i += 2) {
      url.addQueryParameter(api.queryNamesAndValues.get(i), api.queryNamesAndValues.get(i + 1));
    }
    if (api.cursor != null) {
      url.addQueryParameter("cursor", api.cursor);
    }
    return url.build();
  }

  Request newRequest(HttpUrl url, ApiRequest api, int attempt, String apiKey, Attempt tag) {
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + apiKey)
            .header("Accept", "application/json")
            // Asked for here, not by OkHttp, so that the SDK decompresses (see ResponseBodies).
            .header("Accept-Encoding", "gzip")
            .header("User-Agent", Versions.USER_AGENT)
            .tag(Attempt.class, tag);
    for (Map.Entry<String, String> header : api.options.headers().entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    if (attempt > 1) {
      request.header("X-Bctrl-Retry-Count", Integer.toString(attempt - 1));
    }
    return request.build();
  }

  /**
   * Every byte but RFC 3986's unreserved characters is percent-encoded, so that an id is always one
   * path segment: not {@code /}, and not {@code ;} or {@code =}, which servlet containers read as
   * path parameters.
   */
  static String percentEncode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
