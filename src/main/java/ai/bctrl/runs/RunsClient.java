package ai.bctrl.runs;

import ai.bctrl.RequestOptions;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code /v1/runs} resource; an interface so that your tests can stand in for it. A null,
 * blank, {@code "."} or {@code ".."} run id, or a null argument, is an {@link
 * IllegalArgumentException} before any request.
 */
public interface RunsClient {
  default CursorPage<InvocationSummary> listInvocations(String runId) {
    return listInvocations(runId, ListInvocationsParams.none(), RequestOptions.none());
  }

  default CursorPage<InvocationSummary> listInvocations(
      String runId, ListInvocationsParams params) {
    return listInvocations(runId, params, RequestOptions.none());
  }

  /**
   * Fetches the first page now, so that a wrong key or an unknown run throws here rather than in a
   * loop; every later page keeps the same params and options.
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
   * As {@link #listInvocations(String, ListInvocationsParams, RequestOptions)}, without blocking.
   * The future fails with the exception a sync call would throw; cancelling it cancels the request.
   */
  CompletableFuture<CursorPage<InvocationSummary>> listInvocationsAsync(
      String runId, ListInvocationsParams params, RequestOptions options);
}
