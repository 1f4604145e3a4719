package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.errors.AuthenticationException;
import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.BctrlConnectionException;
import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.errors.BctrlTimeoutException;
import ai.bctrl.errors.NotFoundException;
import ai.bctrl.errors.RateLimitException;
import ai.bctrl.models.InvocationSummary;

/** Provokes real failures and shows what each exception type tells the caller. */
public final class ErrorHandling {
  private ErrorHandling() {}

  public static void main(String[] args) throws Exception {
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      System.out.println("unknown run:   " + describe(example.client, "no-such-run"));
      try (BctrlClient wrongKey =
          BctrlClient.builder().baseUrl(example.baseUrl).apiKey("not-a-real-key").build()) {
        System.out.println("wrong API key: " + describe(wrongKey, example.runId));
      }
    }
  }

  static String describe(BctrlClient client, String runId) {
    // README: errors
    // Given: BctrlClient client, String runId; in a method that returns a String.
    try {
      for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
        System.out.println(invocation.id());
      }
      return "ok";
    } catch (NotFoundException e) {
      String code = e.code().orElse("?");
      return "no such run (" + code + ", request " + e.requestId().orElse("?") + ")";
    } catch (AuthenticationException e) {
      return "check BCTRL_API_KEY: " + e.getMessage();
    } catch (RateLimitException e) {
      return "rate limited; retry after " + e.retryAfter().map(Object::toString).orElse("a while");
    } catch (BctrlApiException e) {
      return "API error " + e.statusCode() + ": " + e.getMessage() + "\n" + e.rawBody();
    } catch (BctrlTimeoutException e) {
      return "timed out after " + e.attempts() + " attempts";
    } catch (BctrlConnectionException e) {
      return "network failure: " + e.getMessage();
    } catch (BctrlDecodeException e) {
      return "unexpected response body: " + e.getMessage();
    } catch (BctrlException e) {
      // Resume a walk that failed half-way from e.resumeCursor().
      return "stopped: " + e.getMessage();
    }
    // README: end
  }
}
