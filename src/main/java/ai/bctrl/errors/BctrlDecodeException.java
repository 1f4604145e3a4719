package ai.bctrl.errors;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A successful (2xx) response whose body does not match the API's schema: not JSON, cut short, or a
 * field of the wrong type. The message names the field; {@link #rawBody()} keeps what the server
 * sent. Not retried: the same request would most likely get the same body.
 */
public class BctrlDecodeException extends BctrlException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable String requestId;
  private final @Nullable String rawBody;

  public BctrlDecodeException(
      String message,
      @Nullable Throwable cause,
      int statusCode,
      @Nullable String requestId,
      @Nullable String rawBody,
      int attempts,
      @Nullable String resumeCursor) {
    super(message, cause, attempts, resumeCursor);
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.rawBody = rawBody;
  }

  public int statusCode() {
    return statusCode;
  }

  /** Returns the server's id for the request, from the {@code X-Request-Id} header. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Returns the body as the server sent it, cut at one MiB. */
  public String rawBody() {
    return rawBody == null ? "" : rawBody;
  }
}
