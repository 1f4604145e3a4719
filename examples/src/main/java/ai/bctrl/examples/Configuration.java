package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.LogLevel;
import ai.bctrl.RequestOptions;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** The README's configuration snippets, built for real (no request is sent by building). */
public final class Configuration {
  private Configuration() {}

  public static void main(String[] args) throws Exception {
    try (BctrlClient client = configured(new OkHttpClient())) {
      System.out.println(client);
    }
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      System.out.println(perCall(example.client, example.runId).data().size() + " on page 1");
    }
  }

  static BctrlClient configured(OkHttpClient myOkHttp) {
    // README: configuration
    // Given: OkHttpClient myOkHttp.
    BctrlClient client =
        BctrlClient.builder()
            .apiKey("bk_live_...") // else env BCTRL_API_KEY
            .baseUrl("http://localhost:8787") // else env BCTRL_BASE_URL, else https://api.bctrl.ai
            .timeout(Duration.ofSeconds(30)) // per attempt; default 60 s
            .maxRetries(2) // default 2: up to 3 attempts
            .okHttpClient(myOkHttp) // optional: share your pool, dispatcher, interceptors
            .logLevel(LogLevel.INFO) // else env BCTRL_LOG; default OFF
            .header("X-Team", "checkout") // optional: sent on every call
            .build();
    // README: end
    return client;
  }

  static CursorPage<InvocationSummary> perCall(BctrlClient client, String runId) {
    // README: request options
    // Given: BctrlClient client, String runId.
    CursorPage<InvocationSummary> page =
        client
            .runs()
            .listInvocations(
                runId,
                ListInvocationsParams.builder().limit(100).build(),
                RequestOptions.builder()
                    .timeout(Duration.ofSeconds(5))
                    .maxRetries(0)
                    .header("X-Trace", "1") // wins over a client header of the same name
                    .queryParam("include", "steps") // a parameter newer than this SDK version
                    .build());
    // README: end
    return page;
  }
}
