package ai.bctrl.errors;

/**
 * HTTP 404: the resource does not exist, e.g. code {@code run.not_found} for an unknown run. Not
 * retried.
 */
public class NotFoundException extends BctrlApiException {
  private static final long serialVersionUID = 1L;

  NotFoundException(Fields fields) {
    super(fields);
  }
}
