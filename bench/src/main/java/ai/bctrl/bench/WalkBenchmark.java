package ai.bctrl.bench;

import ai.bctrl.BctrlClient;
import ai.bctrl.models.InvocationSummary;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A whole walk of 200 pages x 50 items from a loopback server of pre-rendered pages: the SDK's
 * for-each loop against the hand-written OkHttp + Jackson loop, in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WalkBenchmark {
  static final int PAGES = 200;

  private PageServer server;
  private BctrlClient sdk;
  private OkHttpClient okHttp;

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = new PageServer(PAGES, true, 0);
    sdk = BctrlClient.builder().baseUrl(server.baseUrl()).apiKey("bench").build();
    okHttp = new OkHttpClient();
  }

  @TearDown(Level.Trial)
  public void stop() {
    sdk.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public int sdkForEach(Blackhole sink) {
    int count = 0;
    for (InvocationSummary invocation : sdk.runs().listInvocations("bench")) {
      sink.consume(invocation);
      count++;
    }
    return count;
  }

  @Benchmark
  public int handWritten(Blackhole sink) throws IOException {
    return HandWritten.walk(okHttp, server.baseUrl(), "bench", "bench", sink::consume);
  }
}
