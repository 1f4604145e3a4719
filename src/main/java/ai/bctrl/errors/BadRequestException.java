package ai.bctrl.errors;

/**
 * HTTP 400: the request was malformed, e.g. an invalid {@code limit}, {@code cursor} or filter
 * value. Not retried.
 */
public class BadRequestException extends BctrlApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(Fields fields) {
    super(fields);
  }
}
