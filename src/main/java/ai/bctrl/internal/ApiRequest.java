package ai.bctrl.internal;

import ai.bctrl.RequestOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a resource client asks for, before it becomes an HTTP request: a GET of path segments under
 * the base URL with query parameters, the page cursor, and the call's options. Immutable; the
 * cursor is kept apart from the other parameters so that a walk can ask for the next page of the
 * same request, and so that a failure can say which page it was fetching.
 */
public final class ApiRequest {
  final List<String> pathSegments;
  final List<String> queryNamesAndValues;
  final String cursor;
  final RequestOptions options;

  private ApiRequest(
      List<String> pathSegments,
      List<String> queryNamesAndValues,
      String cursor,
      RequestOptions options) {
    this.pathSegments = pathSegments;
    this.queryNamesAndValues = queryNamesAndValues;
    this.cursor = cursor;
    this.options = options;
  }

  /**
   * A GET of {@code segments}, each one path segment that will be percent-encoded, so that a value
   * such as {@code "a/b"} cannot change the path.
   */
  public static ApiRequest get(RequestOptions options, String... segments) {
    if (options == null) {
      throw new IllegalArgumentException("options == null");
    }
    List<String> path = new ArrayList<>(segments.length);
    Collections.addAll(path, segments);
    return new ApiRequest(
        Collections.unmodifiableList(path), Collections.<String>emptyList(), null, options);
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

  /** Names the request in messages: method and path, without the query or any secret. */
  String describe() {
    return "GET " + path();
  }

  /** The path below the base URL, as the caller gave its segments, without the query. */
  String path() {
    StringBuilder path = new StringBuilder();
    for (String segment : pathSegments) {
      path.append('/').append(segment);
    }
    return path.toString();
  }

  /** The cursor this request fetches, or null for the first page. */
  public String cursor() {
    return cursor;
  }
}
