package ai.bctrl.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.models.ErrorResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link BctrlApiException#of} hands out, as a test building failures by hand gets it. */
class ApiExceptionOfTest {
  private static BctrlApiException of(int status, String rawBody) {
    return BctrlApiException.of(status, null, rawBody, null, null, 1, null);
  }

  private static String repeat(char c, int times) {
    return new String(new char[times]).replace('\0', c);
  }

  @Test
  void exactlyTheStatuses500To599AreServerErrors() {
    assertThat(of(499, "x")).isExactlyInstanceOf(BctrlApiException.class);
    assertThat(of(500, "x")).isExactlyInstanceOf(InternalServerException.class);
    assertThat(of(599, "x")).isExactlyInstanceOf(InternalServerException.class);
    assertThat(of(600, "x")).isExactlyInstanceOf(BctrlApiException.class);
  }

  @Test
  void aBodyThatIsNotTheApisIsCutInTheMessageAfter200Characters() {
    String fits = repeat('a', 200);
    String over = repeat('b', 201);

    assertThat(of(418, fits)).hasMessage("418: " + fits);
    assertThat(of(418, over)).hasMessage("418: " + repeat('b', 200) + "…");
    assertThat(of(418, over).rawBody()).isEqualTo(over);
  }

  @Test
  void theApisErrorTextIsCutInTheMessageAfter500Characters() {
    ErrorResponse fits = ErrorResponse.builder().code("c").error(repeat('a', 500)).build();
    ErrorResponse over = ErrorResponse.builder().code("c").error(repeat('b', 501)).build();

    assertThat(BctrlApiException.of(409, fits, "{}", null, null, 1, null))
        .hasMessage("409 c: " + repeat('a', 500));
    assertThat(BctrlApiException.of(409, over, "{}", null, null, 1, null))
        .hasMessage("409 c: " + repeat('b', 500) + "…");
  }

  @Test
  void aMissingOrBlankBodyIsNamedEmptyAndReadsAsEmpty() {
    BctrlApiException missing = of(401, null);

    assertThat(missing).hasMessage("401: (empty body)");
    assertThat(missing.rawBody()).isEmpty();
    assertThat(of(401, " \n\t")).hasMessage("401: (empty body)");
  }

  @Test
  void theMessageCountsRetriesAndTheDelayTheServerAskedFor() {
    BctrlApiException failure =
        BctrlApiException.of(
            "GET /v1/x", 429, null, "slow down", null, Duration.ofSeconds(90), 3, "c7");

    assertThat(failure)
        .isExactlyInstanceOf(RateLimitException.class)
        .hasMessage(
            "GET /v1/x: 429: slow down after 3 attempts; server asked to retry after 90000 ms");
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(90));
    assertThat(failure.attempts()).isEqualTo(3);
    assertThat(failure.resumeCursor()).contains("c7");
  }

  @Test
  void theRequestIdComesFromTheBodyBeforeTheHeaderAndAnEmptyHeaderGivesNone() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("x-request-id", Collections.singletonList("from-header"));
    ErrorResponse body =
        ErrorResponse.builder().code("c").error("e").requestId("from-body").build();
    ErrorResponse bodyWithoutId = ErrorResponse.builder().code("c").error("e").build();

    assertThat(BctrlApiException.of(404, body, "{}", headers, null, 1, null).requestId())
        .contains("from-body");
    assertThat(BctrlApiException.of(404, bodyWithoutId, "{}", headers, null, 1, null))
        .hasMessage("404 c: e (request from-header)");
    BctrlApiException noId =
        BctrlApiException.of(
            404,
            bodyWithoutId,
            "{}",
            Collections.singletonMap("X-Request-Id", Collections.<String>emptyList()),
            null,
            1,
            null);
    assertThat(noId.requestId()).isEmpty();
    assertThat(noId).hasMessage("404 c: e");
  }

  @Test
  void theHeadersAreACaseInsensitiveCopyThatCannotBeChanged() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("Retry-After", Collections.singletonList("5"));
    BctrlApiException failure = BctrlApiException.of(503, null, "", headers, null, 1, null);
    headers.clear();

    assertThat(failure.headers().get("retry-after")).containsExactly("5");
    assertThat(of(503, "").headers()).isEmpty();
    assertThat(failure.headers()).isUnmodifiable();
  }

  @Test
  void aSerializedApiExceptionKeepsEverythingButTheDecodedBody() throws Exception {
    ErrorResponse body = ErrorResponse.builder().code("c").error("e").build();
    BctrlApiException failure =
        BctrlApiException.of(
            404,
            body,
            "{\"code\":\"c\"}",
            Collections.singletonMap("X-Request-Id", Collections.singletonList("r1")),
            Duration.ofSeconds(2),
            2,
            "cur");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(failure);
    }
    NotFoundException copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (NotFoundException) in.readObject();
    }

    assertThat(copy).hasMessage(failure.getMessage());
    assertThat(copy.statusCode()).isEqualTo(404);
    assertThat(copy.rawBody()).isEqualTo("{\"code\":\"c\"}");
    assertThat(copy.requestId()).contains("r1");
    assertThat(copy.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(copy.attempts()).isEqualTo(2);
    assertThat(copy.resumeCursor()).contains("cur");
    assertThat(copy.errorResponse()).isEmpty();
    assertThat(copy.code()).isEmpty();
  }
}
