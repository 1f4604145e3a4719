package ai.bctrl.errors;

/** HTTP 403: the API key is valid but cannot access this resource. Not retried. */
public class PermissionDeniedException extends BctrlApiException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(Fields fields) {
    super(fields);
  }
}
