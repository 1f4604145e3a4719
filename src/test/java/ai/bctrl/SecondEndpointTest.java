package ai.bctrl;

import static ai.bctrl.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bctrl.errors.BctrlDecodeException;
import ai.bctrl.internal.ApiRequest;
import ai.bctrl.internal.ListEndpoint;
import ai.bctrl.pagination.CursorPage;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A new cursor-paginated GET takes its resource method and its model, nothing in internal: this
 * test declares {@code GET /v1/runtimes} with a model of its own and walks it.
 */
@Timeout(10)
class SecondEndpointTest extends MockServerTest {

  /** The model, as CONTRIBUTING describes: immutable, bound through its annotated builder. */
  @JsonDeserialize(builder = BrowserRuntime.Builder.class)
  static final class BrowserRuntime {
    final String id;
    final OffsetDateTime startedAt;

    BrowserRuntime(Builder builder) {
      this.id = builder.id;
      this.startedAt = builder.startedAt;
    }

    @JsonPOJOBuilder(withPrefix = "")
    @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class Builder {
      private String id;
      private OffsetDateTime startedAt;

      @JsonProperty("id")
      @JsonSetter(nulls = Nulls.FAIL)
      Builder id(String id) {
        this.id = id;
        return this;
      }

      @JsonProperty("startedAt")
      Builder startedAt(OffsetDateTime startedAt) {
        this.startedAt = startedAt;
        return this;
      }

      BrowserRuntime build() {
        if (id == null) {
          throw new IllegalStateException("id == null");
        }
        return new BrowserRuntime(this);
      }
    }
  }

  /** The resource method: its request, and the model class of its items. */
  private CursorPage<BrowserRuntime> listRuntimes(String region) {
    ApiRequest request =
        ApiRequest.get(RequestOptions.none(), "v1", "runtimes").withQuery("region", region);
    return new ListEndpoint<>(client.transport(), request, BrowserRuntime.class).fetch(null);
  }

  @Test
  void aSecondListEndpointWalksEveryPageWithItsOwnModel() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"data\":[{\"id\":\"a\",\"startedAt\":\"2024-06-10T15:22:30+02:00\"},{\"id\":\"b\"}],"
                + "\"nextCursor\":\"c1\"}"));
    server.enqueue(json(200, "{\"data\":[{\"id\":\"c\",\"extra\":1}],\"nextCursor\":null}"));

    List<BrowserRuntime> all = new ArrayList<>();
    listRuntimes("eu").forEach(all::add);

    assertThat(all).extracting(r -> r.id).containsExactly("a", "b", "c");
    assertThat(all.get(0).startedAt).isEqualTo(OffsetDateTime.parse("2024-06-10T15:22:30+02:00"));
    RecordedRequest first = server.takeRequest();
    assertThat(first.getPath()).isEqualTo("/v1/runtimes?region=eu");
    assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(server.takeRequest().getPath()).isEqualTo("/v1/runtimes?region=eu&cursor=c1");
  }

  @Test
  void itsModelIsDecodedAsStrictlyAsTheSdksOwn() {
    server.enqueue(json(200, "{\"data\":[{\"id\":\"a\"},{\"startedAt\":5}],\"nextCursor\":null}"));

    assertThatThrownBy(() -> listRuntimes("eu"))
        .isInstanceOf(BctrlDecodeException.class)
        .hasMessageContaining(
            "data[1].startedAt: expected an ISO-8601 date-time with offset, got a number");
  }
}
