package ai.bctrl.errors;

/** HTTP 409: the resource is in a conflicting state; retried, as it is often transient. */
public class ConflictException extends BctrlApiException {
  private static final long serialVersionUID = 1L;

  ConflictException(Fields fields) {
    super(fields);
  }
}
