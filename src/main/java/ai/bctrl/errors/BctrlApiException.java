package ai.bctrl.errors;

import ai.bctrl.models.ErrorResponse;
import ai.bctrl.models.ReasonClass;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The API answered with a non-2xx status. Subclasses name the common statuses:
 *
 * <table>
 *   <caption>Exception by status</caption>
 *   <tr><th>Status</th><th>Exception</th><th>Retried</th></tr>
 *   <tr><td>400</td><td>{@link BadRequestException}</td><td>no</td></tr>
 *   <tr><td>401</td><td>{@link AuthenticationException}</td><td>no</td></tr>
 *   <tr><td>403</td><td>{@link PermissionDeniedException}</td><td>no</td></tr>
 *   <tr><td>404</td><td>{@link NotFoundException}</td><td>no</td></tr>
 *   <tr><td>408</td><td>{@code BctrlApiException}</td><td>yes</td></tr>
 *   <tr><td>409</td><td>{@link ConflictException}</td><td>yes</td></tr>
 *   <tr><td>422</td><td>{@link UnprocessableEntityException}</td><td>no</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitException}</td><td>yes</td></tr>
 *   <tr><td>5xx</td><td>{@link InternalServerException}</td><td>yes</td></tr>
 *   <tr><td>other</td><td>{@code BctrlApiException}</td><td>no</td></tr>
 * </table>
 *
 * <p>The body is kept whole in {@link #rawBody()} even when it is not JSON (a proxy's HTML page, an
 * empty body); {@link #errorResponse()} is present only when it was the API's error shape.
 */
public class BctrlApiException extends BctrlException {
  private static final long serialVersionUID = 1L;

  // One value holds what the exception carries, so that each subclass is one constructor.
  private final Fields fields;

  BctrlApiException(Fields fields) {
    super(message(fields), null, fields.attempts, fields.resumeCursor);
    this.fields = fields;
  }

  /**
   * Creates the exception that matches {@code statusCode}, following the table above. The SDK calls
   * this for every non-2xx response; tests can call it to build realistic failures.
   */
  public static BctrlApiException of(
      int statusCode,
      @Nullable ErrorResponse errorResponse,
      @Nullable String rawBody,
      @Nullable Map<String, List<String>> headers,
      @Nullable Duration retryAfter,
      int attempts,
      @Nullable String resumeCursor) {
    return of(
        null, statusCode, errorResponse, rawBody, headers, retryAfter, attempts, resumeCursor);
  }

  /**
   * As {@link #of(int, ErrorResponse, String, Map, Duration, int, String)}, for the response to
   * {@code request} (method and URL path, e.g. {@code "GET /v1/runs/r/invocations"}), which the
   * message starts with so that a wrong path is plain to see.
   */
  public static BctrlApiException of(
      @Nullable String request,
      int statusCode,
      @Nullable ErrorResponse errorResponse,
      @Nullable String rawBody,
      @Nullable Map<String, List<String>> headers,
      @Nullable Duration retryAfter,
      int attempts,
      @Nullable String resumeCursor) {
    Fields fields =
        new Fields(
            request,
            statusCode,
            errorResponse,
            rawBody,
            headers,
            retryAfter,
            attempts,
            resumeCursor);
    switch (statusCode) {
      case 400:
        return new BadRequestException(fields);
      case 401:
        return new AuthenticationException(fields);
      case 403:
        return new PermissionDeniedException(fields);
      case 404:
        return new NotFoundException(fields);
      case 409:
        return new ConflictException(fields);
      case 422:
        return new UnprocessableEntityException(fields);
      case 429:
        return new RateLimitException(fields);
      default:
        return statusCode >= 500 && statusCode < 600
            ? new InternalServerException(fields)
            : new BctrlApiException(fields);
    }
  }

  public int statusCode() {
    return fields.statusCode;
  }

  /**
   * The API's error code, e.g. {@code "run.not_found"}; empty when the body was not the API's error
   * shape (a proxy's page, say).
   */
  public Optional<String> code() {
    return errorResponse().map(ErrorResponse::code);
  }

  /** The API's error category; {@code UNKNOWN} when the body was not the API's error shape. */
  public ReasonClass reasonClass() {
    return errorResponse().map(ErrorResponse::reasonClass).orElse(ReasonClass.UNKNOWN);
  }

  /**
   * Returns the server's id for the failed request, from the body or else the {@code X-Request-Id}
   * header. Quote it when asking for support.
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestIdOf(fields));
  }

  /** Returns the server's suggested next step, e.g. "retry after 2s". */
  public Optional<String> hint() {
    return errorResponse().flatMap(ErrorResponse::hint);
  }

  /** Returns the decoded error body; empty when the body was not the API's error shape. */
  public Optional<ErrorResponse> errorResponse() {
    return Optional.ofNullable(fields.errorResponse);
  }

  /**
   * Returns the body as received, JSON or not, except that the SDK replaces its API key with {@code
   * [redacted]} wherever the server echoed it, here as in the message and the headers.
   */
  public String rawBody() {
    return fields.rawBody;
  }

  /** Returns the response headers, with names matched case-insensitively. */
  public Map<String, List<String>> headers() {
    return fields.headers;
  }

  /**
   * Returns the delay the server asked for in {@code Retry-After} or {@code Retry-After-Ms}. When
   * it was longer than the SDK waits (60 s), the SDK threw at once instead of sleeping; this tells
   * the caller when to try again.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(fields.retryAfter);
  }

  private static @Nullable String requestIdOf(Fields fields) {
    if (fields.errorResponse != null && fields.errorResponse.requestId().isPresent()) {
      return fields.errorResponse.requestId().get();
    }
    List<String> values = fields.headers.get("X-Request-Id");
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String message(Fields fields) {
    StringBuilder message = new StringBuilder();
    if (fields.request != null) {
      message.append(fields.request).append(": ");
    }
    message.append(fields.statusCode);
    if (fields.errorResponse != null) {
      message
          .append(' ')
          .append(fields.errorResponse.code())
          .append(": ")
          .append(oneLine(fields.errorResponse.error(), 500));
    } else if (fields.rawBody.trim().isEmpty()) {
      message.append(": (empty body)");
    } else {
      message.append(": ").append(oneLine(fields.rawBody, 200));
    }
    String requestId = requestIdOf(fields);
    if (requestId != null) {
      message.append(" (request ").append(requestId).append(')');
    }
    if (fields.attempts > 1) {
      message.append(" after ").append(fields.attempts).append(" attempts");
    }
    if (fields.retryAfter != null) {
      message.append("; server asked to retry after ").append(fields.retryAfter.toMillis());
      message.append(" ms");
    }
    return message.toString();
  }

  private static String oneLine(String text, int max) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= max ? flat : flat.substring(0, max) + "…";
  }

  /** What an API exception carries; the decoded body is not serialized (models are not). */
  static final class Fields implements Serializable {
    private static final long serialVersionUID = 1L;
    final @Nullable String request;
    final int statusCode;
    final transient @Nullable ErrorResponse errorResponse;
    final String rawBody;
    final Map<String, List<String>> headers;
    final @Nullable Duration retryAfter;
    final int attempts;
    final @Nullable String resumeCursor;

    Fields(
        @Nullable String request,
        int statusCode,
        @Nullable ErrorResponse errorResponse,
        @Nullable String rawBody,
        @Nullable Map<String, List<String>> headers,
        @Nullable Duration retryAfter,
        int attempts,
        @Nullable String resumeCursor) {
      this.request = request;
      this.statusCode = statusCode;
      this.errorResponse = errorResponse;
      this.rawBody = rawBody == null ? "" : rawBody;
      Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      if (headers != null) {
        copy.putAll(headers);
      }
      this.headers = Collections.unmodifiableMap(copy);
      this.retryAfter = retryAfter;
      this.attempts = attempts;
      this.resumeCursor = resumeCursor;
    }
  }
}
