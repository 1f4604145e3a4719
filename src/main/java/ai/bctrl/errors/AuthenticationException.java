package ai.bctrl.errors;

/** HTTP 401: the API key is missing or invalid. Not retried; check {@code BCTRL_API_KEY}. */
public class AuthenticationException extends BctrlApiException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(Fields fields) {
    super(fields);
  }
}
