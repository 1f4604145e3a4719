package ai.bctrl.runs;

import ai.bctrl.RequestOptions;
import ai.bctrl.internal.ApiRequest;
import ai.bctrl.internal.InvocationSummaryReader;
import ai.bctrl.internal.ListEndpoint;
import ai.bctrl.internal.Transport;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code /v1/runs} resource. Get it from {@code BctrlClient.runs()}.
 *
 * <pre>{@code
 * for (InvocationSummary invocation : client.runs().listInvocations(runId)) {
 *   System.out.println(invocation.action() + " " + invocation.status());
 * }
 * }</pre>
 */
public final class RunsClient {
  private final Transport transport;

  /**
   * Used by {@code BctrlClient}; not part of the supported API.
   *
   * @param transport the client's transport
   */
  public RunsClient(Transport transport) {
    this.transport = transport;
  }

  /**
   * Lists every invocation of a run: the first page is fetched now, later pages as the returned
   * page is iterated.
   *
   * @param runId the run's id
   * @return the first page
   * @throws IllegalArgumentException if {@code runId} is null, blank, "." or ".."
   * @throws ai.bctrl.errors.BctrlException if the first page cannot be fetched
   * @see #listInvocations(String, ListInvocationsParams, RequestOptions)
   */
  public CursorPage<InvocationSummary> listInvocations(String runId) {
    return listInvocations(runId, ListInvocationsParams.none(), RequestOptions.none());
  }

  /**
   * Lists a run's invocations that match {@code params}.
   *
   * @param runId the run's id
   * @param params filters, page size and start cursor
   * @return the first page
   * @throws IllegalArgumentException if {@code runId} is null, blank, "." or "..", or params is
   *     null
   * @throws ai.bctrl.errors.BctrlException if the first page cannot be fetched
   * @see #listInvocations(String, ListInvocationsParams, RequestOptions)
   */
  public CursorPage<InvocationSummary> listInvocations(String runId, ListInvocationsParams params) {
    return listInvocations(runId, params, RequestOptions.none());
  }

  /**
   * Lists a run's invocations that match {@code params}, with per-call options. The first page is
   * fetched now, so a wrong key or an unknown run throws here rather than inside a loop; every
   * later page keeps the same filters, limit and options.
   *
   * @param runId the run's id
   * @param params filters, page size and start cursor
   * @param options timeout, retries and headers for this call and its later pages
   * @return the first page
   * @throws IllegalArgumentException if {@code runId} is null, blank, "." or "..", or an argument
   *     is null
   * @throws ai.bctrl.errors.NotFoundException if the run does not exist
   * @throws ai.bctrl.errors.AuthenticationException if the API key is missing or invalid
   * @throws ai.bctrl.errors.BctrlException for any other failure
   */
  public CursorPage<InvocationSummary> listInvocations(
      String runId, ListInvocationsParams params, RequestOptions options) {
    ListEndpoint<InvocationSummary> endpoint = invocationsEndpoint(runId, params, options);
    return endpoint.fetch(params.cursor().orElse(null));
  }

  /**
   * As {@link #listInvocations(String)}, without blocking.
   *
   * @param runId the run's id
   * @return a future of the first page
   * @throws IllegalArgumentException if {@code runId} is null, blank, "." or ".."
   */
  public CompletableFuture<CursorPage<InvocationSummary>> listInvocationsAsync(String runId) {
    return listInvocationsAsync(runId, ListInvocationsParams.none(), RequestOptions.none());
  }

  /**
   * As {@link #listInvocations(String, ListInvocationsParams)}, without blocking.
   *
   * @param runId the run's id
   * @param params filters, page size and start cursor
   * @return a future of the first page
   * @throws IllegalArgumentException if {@code runId} is null, blank, "." or "..", or params is
   *     null
   */
  public CompletableFuture<CursorPage<InvocationSummary>> listInvocationsAsync(
      String runId, ListInvocationsParams params) {
    return listInvocationsAsync(runId, params, RequestOptions.none());
  }

  /**
   * As {@link #listInvocations(String, ListInvocationsParams, RequestOptions)}, without blocking:
   * the request is enqueued on OkHttp's dispatcher and retries are scheduled, not slept. The future
   * fails with the same exception a sync call would throw; cancelling it cancels the request.
   *
   * @param runId the run's id
   * @param params filters, page size and start cursor
   * @param options timeout, retries and headers for this call and its later pages
   * @return a future of the first page
   * @throws IllegalArgumentException if {@code runId} is null, blank, "." or "..", or an argument
   *     is null
   */
  public CompletableFuture<CursorPage<InvocationSummary>> listInvocationsAsync(
      String runId, ListInvocationsParams params, RequestOptions options) {
    ListEndpoint<InvocationSummary> endpoint = invocationsEndpoint(runId, params, options);
    return endpoint.fetchAsync(params.cursor().orElse(null));
  }

  private ListEndpoint<InvocationSummary> invocationsEndpoint(
      String runId, ListInvocationsParams params, RequestOptions options) {
    if (runId == null || runId.trim().isEmpty()) {
      throw new IllegalArgumentException("runId is null or blank");
    }
    if (runId.equals(".") || runId.equals("..")) {
      // HTTP URLs resolve these segments away; no run can have them as its id.
      throw new IllegalArgumentException("runId cannot be \".\" or \"..\"");
    }
    if (params == null) {
      throw new IllegalArgumentException("params == null");
    }
    if (options == null) {
      throw new IllegalArgumentException("options == null");
    }
    ApiRequest request = ApiRequest.get(options, "v1", "runs", runId, "invocations");
    for (InvocationStatus status : params.statuses()) {
      request = request.withQuery("status", status.value());
    }
    for (InvocationAction action : params.actions()) {
      request = request.withQuery("action", action.value());
    }
    if (params.limit().isPresent()) {
      request = request.withQuery("limit", params.limit().get().toString());
    }
    return new ListEndpoint<>(transport, request, InvocationSummaryReader.INSTANCE);
  }
}
