package ai.bctrl.runs;

import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bctrl.Fixtures;
import ai.bctrl.MockServerTest;
import ai.bctrl.models.InvocationAction;
import ai.bctrl.models.InvocationStatus;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Filters on statuses and actions newer than this SDK version, by their wire strings. */
@Timeout(10)
class RawFiltersTest extends MockServerTest {

  private RecordedRequest listAndTake(ListInvocationsParams params) throws InterruptedException {
    server.enqueue(page(0, 0, null));
    client.runs().listInvocations("r", params);
    return Fixtures.received(server);
  }

  @Test
  void aStatusThisVersionDoesNotKnowReachesTheServerAsSent() throws Exception {
    RecordedRequest request =
        listAndTake(ListInvocationsParams.builder().statusValue("paused").build());

    assertThat(request.getPath()).isEqualTo("/v1/runs/r/invocations?status=paused");
  }

  @Test
  void rawValuesAreRepeatedParametersBesideTheOtherFilters() throws Exception {
    ListInvocationsParams params =
        ListInvocationsParams.builder()
            .statusValue("failed", "paused")
            .actionValue("scroll", "act")
            .limit(5)
            .build();

    RecordedRequest request = listAndTake(params);

    assertThat(request.getPath())
        .isEqualTo(
            "/v1/runs/r/invocations?status=failed&status=paused&action=scroll&action=act&limit=5");
    assertThat(params.statusValues()).containsExactly("failed", "paused");
    assertThat(params.statuses())
        .containsExactly(InvocationStatus.FAILED, InvocationStatus.UNKNOWN);
    assertThat(params.actionValues()).containsExactly("scroll", "act");
    assertThat(params.actions()).containsExactly(InvocationAction.UNKNOWN, InvocationAction.ACT);
  }

  @Test
  void everyTokenCharacterIsSentExactlyAsGiven() throws Exception {
    String token = "azAZ09!#$%&'*+-.^_`|~";

    RecordedRequest request =
        listAndTake(ListInvocationsParams.builder().statusValue(token).actionValue(token).build());

    assertThat(request.getRequestUrl().queryParameterValues("status")).containsExactly(token);
    assertThat(request.getRequestUrl().queryParameterValues("action")).containsExactly(token);
  }

  @Test
  void aRawFilterAndAnEnumFilterReplaceEachOther() {
    ListInvocationsParams.Builder builder =
        ListInvocationsParams.builder().status(InvocationStatus.FAILED).statusValue("paused");
    assertThat(builder.build().statusValues()).containsExactly("paused");
    builder.status(InvocationStatus.RUNNING);
    assertThat(builder.build().statusValues()).containsExactly("running");
    builder.statusValue();
    assertThat(builder.build().statusValues()).isEmpty();

    builder.action(InvocationAction.ACT).actionValue("scroll");
    assertThat(builder.build().actionValues()).containsExactly("scroll");
    builder.action(InvocationAction.OBSERVE);
    assertThat(builder.build().actionValues()).containsExactly("observe");
  }

  @Test
  void paramsThatSendTheSameQueryAreEqual() {
    ListInvocationsParams raw =
        ListInvocationsParams.builder().statusValue("failed").actionValue("act").build();
    ListInvocationsParams known =
        ListInvocationsParams.builder()
            .status(InvocationStatus.FAILED)
            .action(InvocationAction.ACT)
            .build();

    assertThat(raw).isEqualTo(known).hasSameHashCodeAs(known);
    assertThat(raw.toBuilder().build()).isEqualTo(raw);
    assertThat(raw).isNotEqualTo(raw.toBuilder().statusValue("paused").build());
    assertThat(raw).isNotEqualTo(raw.toBuilder().actionValue("scroll").build());
    assertThat(raw.equals(raw)).isTrue();
    assertThat(raw.equals("failed")).isFalse();
    assertThat(raw.hashCode())
        .isNotEqualTo(raw.toBuilder().statusValue("paused").build().hashCode());
    assertThat(ListInvocationsParams.builder().statusValue("paused").build().toString())
        .isEqualTo("ListInvocationsParams{statuses=[paused], actions=[], limit=null, cursor=null}");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        " ",
        "timed out",
        "a,b",
        "a\n",
        "caf\u00e9",
        "a/b",
        "a:b",
        "a@b",
        "a[b",
        "a{b",
        "(x)",
        "\"x\""
      })
  void aValueThatIsNotATokenIsRefusedBeforeAnyRequest(String value) {
    assertThatThrownBy(() -> ListInvocationsParams.builder().statusValue("ok", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "status filter value \""
                + value
                + "\" is not a token: one or more letters, digits or !#$%&'*+-.^_`|~");
    assertThatThrownBy(() -> ListInvocationsParams.builder().actionValue(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("action filter value \"");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anEmptyCursorIsRefusedAndNullStartsAtTheFirstPage() {
    assertThatThrownBy(() -> ListInvocationsParams.builder().cursor(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cursor is empty; pass null to start at the first page");
    assertThat(ListInvocationsParams.builder().cursor("c").cursor(null).build().cursor()).isEmpty();
  }

  @Test
  void anAsyncListWithParamsSendsThem() throws Exception {
    server.enqueue(page(0, 0, null));
    client
        .runs()
        .listInvocationsAsync("r", ListInvocationsParams.builder().statusValue("paused").build())
        .get(5, TimeUnit.SECONDS);
    assertThat(Fixtures.received(server).getPath())
        .isEqualTo("/v1/runs/r/invocations?status=paused");
  }

  @Test
  void nullRawValuesAreRefused() {
    assertThatThrownBy(() -> ListInvocationsParams.builder().statusValue((String[]) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status filter == null");
    assertThatThrownBy(() -> ListInvocationsParams.builder().statusValue("a", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status filter contains null");
    assertThatThrownBy(() -> ListInvocationsParams.builder().actionValue((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action filter contains null");
  }

  @Test
  void unknownIsRefusedAsAFilterPointingAtTheRawSetter() {
    assertThatThrownBy(() -> ListInvocationsParams.builder().status(InvocationStatus.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "status filter cannot be UNKNOWN: it has no wire value; use statusValue(String)");
    assertThatThrownBy(() -> ListInvocationsParams.builder().action(InvocationAction.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "action filter cannot be UNKNOWN: it has no wire value; use actionValue(String)");
  }
}
