package ai.bctrl.internal;

import ai.bctrl.RequestOptions;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import ai.bctrl.runs.RunsClient;
import java.util.concurrent.CompletableFuture;

/** {@link RunsClient} over HTTP: each method builds its request and hands it to an endpoint. */
public final class HttpRunsClient implements RunsClient {
  private final Transport transport;

  public HttpRunsClient(Transport transport) {
    this.transport = transport;
  }

  @Override
  public CursorPage<InvocationSummary> listInvocations(
      String runId, ListInvocationsParams params, RequestOptions options) {
    return invocations(runId, params, options).fetch(params.cursor().orElse(null));
  }

  @Override
  public CompletableFuture<CursorPage<InvocationSummary>> listInvocationsAsync(
      String runId, ListInvocationsParams params, RequestOptions options) {
    return invocations(runId, params, options).fetchAsync(params.cursor().orElse(null));
  }

  private ListEndpoint<InvocationSummary> invocations(
      String runId, ListInvocationsParams params, RequestOptions options) {
    if (params == null) {
      throw new IllegalArgumentException("params == null");
    }
    ApiRequest request =
        ApiRequest.get(options, "v1", "runs", ApiRequest.pathId("runId", runId), "invocations");
    for (String status : params.statusValues()) {
      request = request.withQuery("status", status);
    }
    for (String action : params.actionValues()) {
      request = request.withQuery("action", action);
    }
    if (params.limit().isPresent()) {
      request = request.withQuery("limit", params.limit().get().toString());
    }
    return new ListEndpoint<>(transport, request, InvocationSummary.class);
  }
}
