package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Header names and values are refused exactly where HTTP/1.1 stops carrying them as they are. */
class HeaderCharactersTest extends MockServerTest {

  @Test
  void theEdgesOfPrintableAsciiAreSentAndTheCharactersPastThemAreRefused() throws Exception {
    server.enqueue(Fixtures.page(0, 0, null));
    RequestOptions edges =
        RequestOptions.builder().header("!X-Edge~", " value with space and tilde ~").build();

    listWith(edges);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeader("!X-Edge~")).isEqualTo(" value with space and tilde ~".trim());
    for (String name : new String[] {"X Space", "X-Del\u007f", "X:Colon", "X-\u0080"}) {
      assertThatThrownBy(() -> RequestOptions.builder().header(name, "v"))
          .as("name %s", name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String value : new String[] {"a\u001fb", "a\u007fb", "a\u0080b"}) {
      assertThatThrownBy(() -> RequestOptions.builder().header("X-Value", value))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("X-Value");
    }
    assertThatThrownBy(() -> RequestOptions.builder().apiKey("sk-\u007f"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
