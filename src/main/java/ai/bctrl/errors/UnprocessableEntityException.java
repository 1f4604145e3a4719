package ai.bctrl.errors;

/** HTTP 422: the request was well-formed but its values were refused. Not retried. */
public class UnprocessableEntityException extends BctrlApiException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(Fields fields) {
    super(fields);
  }
}
