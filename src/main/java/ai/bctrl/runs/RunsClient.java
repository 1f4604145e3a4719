package ai.bctrl.runs;

import ai.bctrl.RequestOptions;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code /v1/runs} resource. Get it from {@code BctrlClient.runs()}; an interface so that your
 * own tests can stand in for it.
 *
 * <p>Every method checks its arguments before any request: a null, blank, {@code "."} or {@code
 * ".."} run id, or a null argument, is an {@link IllegalArgumentException}.
 */
public interface RunsClient {
  /** Lists every invocation of a run. */
  default CursorPage<InvocationSummary> listInvocations(String runId) {
    return listInvocations(runId, ListInvocationsParams.none(), RequestOptions.none());
  }

  /** Lists a run's invocations that match {@code params}. */
  default CursorPage<InvocationSummary> listInvocations(
      String runId, ListInvocationsParams params) {
    return listInvocations(runId, params, RequestOptions.none());
  }

  /**
   * Lists a run's invocations that match {@code params}, with per-call options. The first page is
   * fetched now, so a wrong key or an unknown run throws here rather than inside a loop; every
   * later page keeps the same filters, limit and options.
   *
   * @throws ai.bctrl.errors.NotFoundException if the run does not exist
   * @throws ai.bctrl.errors.AuthenticationException if the API key is missing or invalid
   * @throws ai.bctrl.errors.BctrlException for any other failure
   */
  CursorPage<InvocationSummary> listInvocations(
      String runId, ListInvocationsParams params, RequestOptions options);

  /** As {@link #listInvocations(String)}, without blocking. */
  default CompletableFuture<CursorPage<InvocationSummary>> listInvocationsAsync(String runId) {
    return listInvocationsAsync(runId, ListInvocationsParams.none(), RequestOptions.none());
  }

  /** As {@link #listInvocations(String, ListInvocationsParams)}, without blocking. */
  default CompletableFuture<CursorPage<InvocationSummary>> listInvocationsAsync(
      String runId, ListInvocationsParams params) {
    return listInvocationsAsync(runId, params, RequestOptions.none());
  }

  /**
   * As {@link #listInvocations(String, ListInvocationsParams, RequestOptions)}, without blocking:
   * the request is enqueued on OkHttp's dispatcher and retries are scheduled, not slept. The future
   * fails with the same exception a sync call would throw; cancelling it cancels the request.
   */
  CompletableFuture<CursorPage<InvocationSummary>> listInvocationsAsync(
      String runId, ListInvocationsParams params, RequestOptions options);
}
