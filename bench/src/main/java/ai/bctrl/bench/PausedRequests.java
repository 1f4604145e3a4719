package ai.bctrl.bench;

import ai.bctrl.BctrlClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * One page fetched after a pause, by the SDK and by hand-written OkHttp + Jackson, interleaved in
 * one JVM on pooled connections, plain and TLS: what the SDK adds to a request whose connection
 * (and whose threads) sat idle. Each round takes every pause once for each client, the client going
 * first alternating, so that neither always follows the other's request. The difference is the
 * median of each round's SDK - hand-written, paired so that the load of a shared machine, which
 * drifts from round to round far more than 0.1 ms, falls out; the difference of the two medians
 * does not cancel it.
 */
final class PausedRequests {
  static final long[] PAUSES_MILLIS = {0, 10, 50, 150};

  private PausedRequests() {}

  /**
   * "plain 10 ms" ... "tls 150 ms" to {SDK median, hand-written median, median of the paired
   * differences} in ms.
   */
  static Map<String, double[]> medians(int rounds) throws IOException, InterruptedException {
    Map<String, double[]> medians = new LinkedHashMap<>();
    HeldCertificate localhost =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    HandshakeCertificates serving =
        new HandshakeCertificates.Builder().heldCertificate(localhost).build();
    HandshakeCertificates trusting =
        new HandshakeCertificates.Builder().addTrustedCertificate(localhost.certificate()).build();
    for (boolean tls : new boolean[] {false, true}) {
      OkHttpClient base =
          tls
              ? new OkHttpClient.Builder()
                  .sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager())
                  .build()
              : new OkHttpClient();
      // Its own pool: the SDK's client, derived from base, would share base's.
      OkHttpClient hand = base.newBuilder().connectionPool(new ConnectionPool()).build();
      try (PageServer server = new PageServer(1, true, 0, tls ? serving.sslContext() : null);
          BctrlClient sdk =
              BctrlClient.builder()
                  .baseUrl(server.baseUrl())
                  .apiKey("bench")
                  .okHttpClient(base)
                  .build()) {
        Map<Long, List<Double>> sdkTimes = new LinkedHashMap<>();
        Map<Long, List<Double>> handTimes = new LinkedHashMap<>();
        for (int round = -10; round < rounds; round++) { // The first ten warm up.
          for (long pause : PAUSES_MILLIS) {
            boolean sdkFirst = (round & 1) == 0;
            for (int turn = 0; turn < 2; turn++) {
              boolean isSdk = (turn == 0) == sdkFirst;
              Thread.sleep(pause);
              long start = System.nanoTime();
              if (isSdk) {
                sdk.runs().listInvocations("bench").data();
              } else {
                HandWritten.walk(hand, server.baseUrl(), "bench", "bench", item -> {});
              }
              double millis = (System.nanoTime() - start) / 1e6;
              if (round >= 0) {
                (isSdk ? sdkTimes : handTimes)
                    .computeIfAbsent(pause, p -> new ArrayList<>())
                    .add(millis);
              }
            }
          }
        }
        for (long pause : PAUSES_MILLIS) {
          List<Double> sdkRounds = sdkTimes.get(pause);
          List<Double> handRounds = handTimes.get(pause);
          List<Double> differences = new ArrayList<>();
          for (int i = 0; i < sdkRounds.size(); i++) {
            differences.add(sdkRounds.get(i) - handRounds.get(i));
          }
          medians.put(
              (tls ? "tls " : "plain ") + pause + " ms",
              new double[] {median(sdkRounds), median(handRounds), median(differences)});
        }
      } finally {
        for (OkHttpClient client : new OkHttpClient[] {base, hand}) {
          client.dispatcher().executorService().shutdown();
          client.connectionPool().evictAll();
        }
      }
    }
    return medians;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  /** Prints only this measurement: {@code java -cp target/benchmarks.jar ...PausedRequests [n]}. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    for (Map.Entry<String, double[]> row : medians(rounds).entrySet()) {
      double[] m = row.getValue();
      System.out.printf(
          "after %-13s SDK %.3f ms  hand %.3f ms  SDK - hand, paired %+.3f ms%n",
          row.getKey(), m[0], m[1], m[2]);
    }
  }
}
