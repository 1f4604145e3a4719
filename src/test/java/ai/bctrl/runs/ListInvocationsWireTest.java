package ai.bctrl.runs;

import static ai.bctrl.Fixtures.invocationId;
import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bctrl.BctrlClient;
import ai.bctrl.Fixtures;
import ai.bctrl.MockServerTest;
import ai.bctrl.RequestOptions;
import ai.bctrl.TestClients;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ListInvocationsWireTest extends MockServerTest {

  private RecordedRequest take() throws InterruptedException {
    return Fixtures.received(server);
  }

  @Test
  void sendsGetWithBearerKeyAcceptAndUserAgentAndNoBody() throws Exception {
    server.enqueue(page(0, 1, null));

    client.runs().listInvocations("run-1");

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/v1/runs/run-1/invocations");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getHeader("User-Agent")).matches("bctrl-java/\\d+\\.\\d+\\.\\d+.*");
    assertThat(request.getHeader("X-Bctrl-Retry-Count")).isNull();
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void runIdIsOneEncodedPathSegment() throws Exception {
    server.enqueue(page(0, 0, null));

    client.runs().listInvocations("a/../b?c#d");

    RecordedRequest request = take();
    assertThat(request.getPath()).isEqualTo("/v1/runs/a%2F..%2Fb%3Fc%23d/invocations");
    assertThat(request.getRequestUrl().pathSegments())
        .containsExactly("v1", "runs", "a/../b?c#d", "invocations");
  }

  @Test
  void baseUrlPathPrefixIsKept() throws Exception {
    server.enqueue(page(0, 0, null));
    try (BctrlClient prefixed =
        TestClients.builder(server).baseUrl(server.url("/gateway/").toString()).build()) {
      prefixed.runs().listInvocations("r");
    }
    assertThat(take().getPath()).isEqualTo("/gateway/v1/runs/r/invocations");
  }

  @Test
  void filtersUseRepeatedQueryParametersInSpecOrder() throws Exception {
    server.enqueue(page(0, 0, null));

    client
        .runs()
        .listInvocations(
            "r",
            ListInvocationsParams.builder()
                .status(InvocationStatus.FAILED, InvocationStatus.TIMED_OUT)
                .action(InvocationAction.BROWSER_USE, InvocationAction.SOLVE_CAPTCHA)
                .limit(100)
                .build());

    RecordedRequest request = take();
    assertThat(request.getRequestUrl().queryParameterValues("status"))
        .containsExactly("failed", "timed_out");
    assertThat(request.getRequestUrl().queryParameterValues("action"))
        .containsExactly("browserUse", "solveCaptcha");
    assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(request.getPath())
        .isEqualTo(
            "/v1/runs/r/invocations?status=failed&status=timed_out"
                + "&action=browserUse&action=solveCaptcha&limit=100");
  }

  @Test
  void cursorIsQueryEncoded() throws Exception {
    server.enqueue(page(0, 0, null));

    client
        .runs()
        .listInvocations("r", ListInvocationsParams.builder().cursor("a+b/c=&d e").build());

    RecordedRequest request = take();
    assertThat(request.getRequestUrl().queryParameter("cursor")).isEqualTo("a+b/c=&d e");
    assertThat(request.getPath()).endsWith("?cursor=a%2Bb%2Fc%3D%26d%20e");
  }

  @Test
  void emptyParamsSendNoQuery() throws Exception {
    server.enqueue(page(0, 0, null));
    client.runs().listInvocations("r", ListInvocationsParams.builder().build());
    assertThat(take().getRequestUrl().query()).isNull();
  }

  @Test
  void requestOptionsHeaderIsSent() throws Exception {
    server.enqueue(page(0, 0, null));

    client
        .runs()
        .listInvocations(
            "r",
            ListInvocationsParams.none(),
            RequestOptions.builder().header("X-Trace", "1").timeout(Duration.ofSeconds(5)).build());

    assertThat(take().getHeader("X-Trace")).isEqualTo("1");
  }

  @Test
  void firstPageIsFetchedEagerlyAndLaterPagesOnlyWhenReached() throws Exception {
    server.enqueue(page(0, 2, "c1"));
    server.enqueue(page(2, 2, null));

    CursorPage<InvocationSummary> first = client.runs().listInvocations("r");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(first.data()).hasSize(2);
    assertThat(first.nextCursor()).contains("c1");
    assertThat(first.hasNextPage()).isTrue();

    java.util.Iterator<InvocationSummary> items = first.iterator();
    items.next();
    items.next();
    assertThat(server.getRequestCount()).as("no fetch before page 1 is used up").isEqualTo(1);
    assertThat(items.hasNext()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(items.next().id()).isEqualTo(invocationId(2));
  }

  @Test
  void forEachWalksEveryPageInOrderKeepingFiltersLimitAndOptions() throws Exception {
    server.enqueue(page(0, 2, "c1"));
    server.enqueue(page(2, 2, "c2"));
    server.enqueue(page(4, 1, null));

    List<String> ids = new ArrayList<>();
    for (InvocationSummary invocation :
        client
            .runs()
            .listInvocations(
                "r",
                ListInvocationsParams.builder()
                    .status(InvocationStatus.FAILED)
                    .action(InvocationAction.ACT)
                    .limit(2)
                    .build(),
                RequestOptions.builder().header("X-Trace", "t").build())) {
      ids.add(invocation.id());
    }

    assertThat(ids)
        .containsExactly(
            invocationId(0), invocationId(1), invocationId(2), invocationId(3), invocationId(4));
    assertThat(take().getPath())
        .isEqualTo("/v1/runs/r/invocations?status=failed&action=act&limit=2");
    RecordedRequest second = take();
    assertThat(second.getPath())
        .isEqualTo("/v1/runs/r/invocations?status=failed&action=act&limit=2&cursor=c1");
    assertThat(second.getHeader("X-Trace")).isEqualTo("t");
    assertThat(take().getRequestUrl().queryParameter("cursor")).isEqualTo("c2");
  }

  @Test
  void emptyPageWithCursorIsNotTheEnd() throws Exception {
    server.enqueue(page(0, 0, "c1"));
    server.enqueue(page(0, 0, "c2"));
    server.enqueue(page(7, 1, null));

    List<InvocationSummary> all = new ArrayList<>();
    client.runs().listInvocations("r").forEach(all::add);

    assertThat(all).extracting(InvocationSummary::id).containsExactly(invocationId(7));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void nullNextCursorEndsTheWalk() throws Exception {
    server.enqueue(ai.bctrl.Fixtures.json(200, "{\"data\":[],\"nextCursor\":null}"));
    CursorPage<InvocationSummary> page = client.runs().listInvocations("r");
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.iterator().hasNext()).isFalse();
    assertThatThrownBy(page::nextPage).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void streamLimitFetchesOnlyThePagesItNeeds() throws Exception {
    server.enqueue(page(0, 2, "c1"));
    server.enqueue(page(2, 2, "c2"));
    server.enqueue(page(4, 2, null));

    List<String> ids =
        client.runs().listInvocations("r").stream()
            .limit(3)
            .map(InvocationSummary::id)
            .collect(Collectors.toList());

    assertThat(ids).containsExactly(invocationId(0), invocationId(1), invocationId(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void pagesWalksPageByPage() throws Exception {
    server.enqueue(page(0, 2, "c1"));
    server.enqueue(page(2, 1, null));

    List<Integer> sizes = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    for (CursorPage<InvocationSummary> page : client.runs().listInvocations("r").pages()) {
      sizes.add(page.data().size());
      cursors.add(page.cursor().orElse("(first)"));
    }

    assertThat(sizes).containsExactly(2, 1);
    assertThat(cursors).containsExactly("(first)", "c1");
  }

  @Test
  void iteratingTwiceWalksTwice() throws Exception {
    server.enqueue(page(0, 1, "c1"));
    server.enqueue(page(1, 1, null));
    server.enqueue(page(1, 1, null));

    CursorPage<InvocationSummary> first = client.runs().listInvocations("r");
    long once = first.stream().count();
    long twice = first.stream().count();

    assertThat(once).isEqualTo(2);
    assertThat(twice).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void resumesFromASavedCursorWithoutRefetchingEarlierPages() throws Exception {
    server.enqueue(page(0, 2, "c1"));
    CursorPage<InvocationSummary> first = client.runs().listInvocations("r");
    String saved = first.nextCursor().get();

    server.enqueue(page(2, 2, null));
    List<String> rest = new ArrayList<>();
    for (InvocationSummary invocation :
        client.runs().listInvocations("r", ListInvocationsParams.builder().cursor(saved).build())) {
      rest.add(invocation.id());
    }

    assertThat(rest).containsExactly(invocationId(2), invocationId(3));
    take();
    assertThat(take().getRequestUrl().queryParameter("cursor")).isEqualTo("c1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void badInputFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> client.runs().listInvocations(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runId");
    assertThatThrownBy(() -> client.runs().listInvocations("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runId");
    assertThatThrownBy(() -> client.runs().listInvocations(".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListInvocationsParams.builder().limit(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> ListInvocationsParams.builder().status(InvocationStatus.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UNKNOWN");
    assertThatThrownBy(() -> ListInvocationsParams.builder().action((InvocationAction) null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.runs().listInvocations("r", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
