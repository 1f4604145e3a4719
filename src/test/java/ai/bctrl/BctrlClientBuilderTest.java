package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bctrl.errors.BctrlException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class BctrlClientBuilderTest {
  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void missingKeyNamesTheEnvironmentVariable() {
    assertThatThrownBy(() -> TestClients.builderWithEnv(env()).build())
        .isExactlyInstanceOf(BctrlException.class)
        .hasMessageContaining("BCTRL_API_KEY");
  }

  @Test
  void keyAndBaseUrlComeFromTheEnvironment() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(Fixtures.page(0, 0, null));
      try (BctrlClient client =
          TestClients.builderWithEnv(
                  env("BCTRL_API_KEY", "env-key", "BCTRL_BASE_URL", server.url("/").toString()))
              .build()) {
        client.runs().listInvocations("r");
      }
      assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer env-key");
    }
  }

  @Test
  void builderValuesWinOverTheEnvironment() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(Fixtures.page(0, 0, null));
      try (BctrlClient client =
          TestClients.builderWithEnv(
                  env("BCTRL_API_KEY", "env-key", "BCTRL_BASE_URL", "http://localhost:1"))
              .apiKey("builder-key")
              .baseUrl(server.url("/").toString())
              .build()) {
        client.runs().listInvocations("r");
      }
      assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer builder-key");
    }
  }

  @Test
  void defaultBaseUrlIsProduction() {
    try (BctrlClient client = TestClients.builderWithEnv(env("BCTRL_API_KEY", "k")).build()) {
      assertThat(client.toString()).contains("baseUrl=https://api.bctrl.ai/");
    }
  }

  @Test
  void plainHttpIsRefusedOffLoopback() {
    assertThatThrownBy(
            () ->
                TestClients.builderWithEnv(env("BCTRL_API_KEY", "k"))
                    .baseUrl("http://api.example.com")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("allowInsecureHttp");
  }

  @Test
  void plainHttpIsAllowedOnLoopbackOrWhenAsked() {
    for (String url :
        new String[] {"http://localhost:8787/", "http://127.0.0.5:1/", "http://[::1]:8787/"}) {
      try (BctrlClient client =
          TestClients.builderWithEnv(env("BCTRL_API_KEY", "k")).baseUrl(url).build()) {
        assertThat(client.toString()).contains("baseUrl=" + url + ",");
      }
    }
    BctrlClient.Builder remote =
        TestClients.builderWithEnv(env("BCTRL_API_KEY", "k")).baseUrl("http://api.example.com");
    assertThatThrownBy(remote::build).hasMessageContaining("refusing to send the API key");
    try (BctrlClient client = remote.allowInsecureHttp(true).build()) {
      assertThat(client.toString()).contains("baseUrl=http://api.example.com/,");
    }
  }

  @Test
  void nonHttpBaseUrlIsRefused() {
    assertThatThrownBy(() -> BctrlClient.builder().baseUrl("ftp://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(
            () ->
                TestClients.builderWithEnv(env("BCTRL_API_KEY", "k", "BCTRL_BASE_URL", "nope"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void keyWithLineBreakIsRefusedWithoutEchoingIt() {
    String key = "sk-secret-123\r\nX-Injected: 1";
    assertThatThrownBy(() -> BctrlClient.builder().apiKey(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sk-secret")
        .hasMessageContaining("line break");
    assertThatThrownBy(() -> TestClients.builderWithEnv(env("BCTRL_API_KEY", key)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sk-secret");
  }

  @Test
  void badSettingsFailFast() {
    assertThatThrownBy(() -> BctrlClient.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> BctrlClient.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(
            () ->
                TestClients.builderWithEnv(env("BCTRL_API_KEY", "k", "BCTRL_LOG", "loud")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log level");
  }

  @Test
  void toStringNeverShowsTheKey() throws Exception {
    try (MockWebServer server = new MockWebServer();
        BctrlClient client = TestClients.builder(server).build()) {
      assertThat(client.toString()).doesNotContain(TestClients.API_KEY).contains("maxRetries=2");
    }
    RequestOptions options =
        RequestOptions.builder().apiKey("other-secret").header("X-Token", "x-secret").build();
    assertThat(options.toString()).doesNotContain("other-secret").doesNotContain("x-secret");
  }

  @Test
  void closeLeavesACallersOkHttpClientUsable() throws Exception {
    okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(Fixtures.page(0, 0, null));
      server.enqueue(new MockResponse().setBody("still here"));
      BctrlClient client = TestClients.builder(server).okHttpClient(shared).build();
      client.runs().listInvocations("r");
      client.close();
      try (okhttp3.Response response =
          shared.newCall(new okhttp3.Request.Builder().url(server.url("/x")).build()).execute()) {
        assertThat(response.body().string()).isEqualTo("still here");
      }
    }
  }
}
