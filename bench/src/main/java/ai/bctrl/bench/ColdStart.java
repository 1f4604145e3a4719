package ai.bctrl.bench;

import ai.bctrl.BctrlClient;
import java.lang.management.ManagementFactory;
import okhttp3.OkHttpClient;

/**
 * A fresh JVM from start to the first page in hand, through the SDK or by hand. Prints the
 * milliseconds since the JVM started. Run by {@link BenchReport}.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String how = args[0];
    String baseUrl = args[1];
    int items;
    if (how.equals("sdk")) {
      try (BctrlClient client = BctrlClient.builder().baseUrl(baseUrl).apiKey("bench").build()) {
        items = client.runs().listInvocations("bench").data().size();
      }
    } else {
      OkHttpClient client = new OkHttpClient();
      items = HandWritten.fetch(client, baseUrl, "bench", "bench", null).data.size();
      client.dispatcher().executorService().shutdown();
    }
    long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(items + " " + millis);
  }
}
