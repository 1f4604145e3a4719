package ai.bctrl.errors;

/** HTTP 5xx: the server or a gateway in front of it failed. Retried. */
public class InternalServerException extends BctrlApiException {
  private static final long serialVersionUID = 1L;

  InternalServerException(Fields fields) {
    super(fields);
  }
}
