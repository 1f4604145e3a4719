package ai.bctrl.bench;

import ai.bctrl.BctrlClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * One page fetched after each of many 150 ms pauses, by the SDK and by hand-written OkHttp +
 * Jackson in turn, on pooled connections: what the SDK adds to a request whose connection sat idle
 * (it used to read the socket before reusing it; now OkHttp recovers a closed one instead).
 */
final class PausedRequests {
  static final long PAUSE_MILLIS = 150;

  private PausedRequests() {}

  /** Medians in ms of {@code rounds} paused requests: {sdk, hand}. */
  static double[] medians(int rounds) throws IOException, InterruptedException {
    List<Double> sdk = new ArrayList<>();
    List<Double> hand = new ArrayList<>();
    OkHttpClient okHttp = new OkHttpClient();
    try (PageServer server = new PageServer(1, true, 0);
        BctrlClient client =
            BctrlClient.builder().baseUrl(server.baseUrl()).apiKey("bench").build()) {
      for (int round = -5; round < rounds; round++) { // The first five warm up.
        Thread.sleep(PAUSE_MILLIS);
        long start = System.nanoTime();
        client.runs().listInvocations("bench").data();
        double sdkMillis = (System.nanoTime() - start) / 1e6;
        Thread.sleep(PAUSE_MILLIS);
        start = System.nanoTime();
        HandWritten.walk(okHttp, server.baseUrl(), "bench", "bench", item -> {});
        double handMillis = (System.nanoTime() - start) / 1e6;
        if (round >= 0) {
          sdk.add(sdkMillis);
          hand.add(handMillis);
        }
      }
    } finally {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
    return new double[] {median(sdk), median(hand)};
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
