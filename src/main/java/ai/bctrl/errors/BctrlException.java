package ai.bctrl.errors;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the SDK throws. All are unchecked.
 *
 * <p>A failure while fetching a page carries {@link #resumeCursor()}: pass it back as the {@code
 * cursor} parameter to continue a walk at the page that failed, without refetching earlier pages.
 */
public class BctrlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String resumeCursor;
  private final int attempts;

  /** Creates an exception that did not come from a request (bad configuration, for example). */
  public BctrlException(String message) {
    this(message, null, 0, null);
  }

  /** Creates an exception for a failed request. */
  public BctrlException(
      String message, @Nullable Throwable cause, int attempts, @Nullable String resumeCursor) {
    super(message, cause);
    this.attempts = attempts;
    this.resumeCursor = resumeCursor;
  }

  /**
   * Returns the cursor of the page whose fetch failed. Passing it as {@code cursor} in a new {@code
   * listInvocations} call resumes the walk at that page. Empty when the failed request was for the
   * first page of a walk that started without a cursor (start over), or when no page was being
   * fetched.
   */
  public Optional<String> resumeCursor() {
    return Optional.ofNullable(resumeCursor);
  }

  /** Returns how many HTTP attempts were made before this failure: 1 plus the retries. */
  public int attempts() {
    return attempts;
  }
}
