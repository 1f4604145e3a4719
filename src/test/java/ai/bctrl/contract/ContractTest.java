package ai.bctrl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import ai.bctrl.BctrlClient;
import ai.bctrl.RequestOptions;
import ai.bctrl.errors.AuthenticationException;
import ai.bctrl.errors.BctrlApiException;
import ai.bctrl.errors.NotFoundException;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The SDK against Stoplight Prism, an independent OpenAPI implementation: every request the SDK can
 * send passes Prism's validation, and Prism's random schema-valid bodies all decode.
 */
@Tag("contract")
class ContractTest {
  private static PrismServer prism;
  private static BctrlClient client;

  @BeforeAll
  static void start() throws Exception {
    prism = PrismServer.start(true);
    client =
        BctrlClient.builder()
            .baseUrl(prism.baseUrl)
            .apiKey("contract-test-key")
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (prism != null) {
      prism.close();
    }
  }

  /** Sends one request; a 422 is Prism refusing it, and fails the test with Prism's words. */
  private static CursorPage<InvocationSummary> send(
      ListInvocationsParams params, RequestOptions options) {
    try {
      return client.runs().listInvocations("3fa85f64-5717-4562-b3fc-2c963f66afa6", params, options);
    } catch (BctrlApiException e) {
      throw new AssertionError(
          "Prism refused " + params + " " + options + ": " + e.statusCode() + " " + e.rawBody(), e);
    }
  }

  private static List<ListInvocationsParams> everyRequestShape() {
    List<ListInvocationsParams> shapes = new ArrayList<>();
    shapes.add(ListInvocationsParams.none());
    for (InvocationStatus status : InvocationStatus.values()) {
      if (status != InvocationStatus.UNKNOWN) {
        shapes.add(ListInvocationsParams.builder().status(status).build());
      }
    }
    for (InvocationAction action : InvocationAction.values()) {
      if (action != InvocationAction.UNKNOWN) {
        shapes.add(ListInvocationsParams.builder().action(action).build());
      }
    }
    EnumSet<InvocationStatus> allStatuses = EnumSet.allOf(InvocationStatus.class);
    allStatuses.remove(InvocationStatus.UNKNOWN);
    EnumSet<InvocationAction> allActions = EnumSet.allOf(InvocationAction.class);
    allActions.remove(InvocationAction.UNKNOWN);
    shapes.add(ListInvocationsParams.builder().status(allStatuses).build());
    shapes.add(ListInvocationsParams.builder().action(allActions).build());
    shapes.add(
        ListInvocationsParams.builder()
            .status(InvocationStatus.FAILED, InvocationStatus.TIMED_OUT)
            .action(InvocationAction.ACT, InvocationAction.SOLVE_CAPTCHA)
            .limit(100)
            .cursor("eyJpZCI6IjNmYTg1ZjY0In0")
            .build());
    shapes.add(ListInvocationsParams.builder().limit(1).build());
    shapes.add(ListInvocationsParams.builder().cursor("a+b/c=&d e").build());
    return shapes;
  }

  @Test
  void everyRequestShapePassesPrismsValidation() {
    List<ListInvocationsParams> shapes = everyRequestShape();
    for (ListInvocationsParams params : shapes) {
      send(params, RequestOptions.none());
    }
    send(
        ListInvocationsParams.none(),
        RequestOptions.builder()
            .timeout(Duration.ofSeconds(10))
            .maxRetries(1)
            .header("X-Trace", "contract")
            .build());
    assertThat(shapes).hasSize(1 + 8 + 6 + 2 + 3);
  }

  @Test
  void twoHundredRandomSchemaValidBodiesDecode() {
    int items = 0;
    for (int i = 0; i < 200; i++) {
      CursorPage<InvocationSummary> page =
          send(ListInvocationsParams.none(), RequestOptions.none());
      for (InvocationSummary invocation : page.data()) {
        assertThat(invocation.id()).isNotEmpty();
        assertThat(invocation.createdAt()).isNotNull();
        items++;
      }
    }
    System.out.println("contract: 200 dynamic pages decoded, " + items + " invocations");
  }

  /** Asks Prism for the example of {@code status} with its {@code Prefer} header. */
  private static <E extends BctrlApiException> E preferred(Class<E> type, int status) {
    return catchThrowableOfType(
        type,
        () ->
            client
                .runs()
                .listInvocations(
                    "r",
                    ListInvocationsParams.none(),
                    RequestOptions.builder().header("Prefer", "code=" + status).build()));
  }

  @Test
  void preferredErrorStatusesMapToTheirExceptions() {
    AuthenticationException unauthorized = preferred(AuthenticationException.class, 401);
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.errorResponse()).as("Prism's body has the spec's shape").isPresent();

    NotFoundException notFound = preferred(NotFoundException.class, 404);
    assertThat(notFound.errorResponse()).isPresent();
    assertThat(notFound.code()).isPresent();
  }

  @Test
  void anInvalidRequestIsWhatPrismRefuses() {
    // The check that the checker checks: a filter the spec does not allow gets Prism's 422.
    okhttp3.OkHttpClient raw = new okhttp3.OkHttpClient();
    okhttp3.Request request =
        new okhttp3.Request.Builder()
            .url(prism.baseUrl + "/v1/runs/r/invocations?status=paused")
            .header("Authorization", "Bearer x")
            .build();
    try (okhttp3.Response response = raw.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(422);
    } catch (java.io.IOException e) {
      fail("Prism did not answer: " + e + "\n" + prism.output());
    }
  }
}
