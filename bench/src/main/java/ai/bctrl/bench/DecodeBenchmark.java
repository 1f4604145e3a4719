package ai.bctrl.bench;

import ai.bctrl.internal.BenchDecode;
import ai.bctrl.models.InvocationSummary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One realistic 50-item page, bytes prepared once, decoded by the SDK and by what a user would
 * write instead: databind into plain classes with JSR-310.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {
  private final byte[] page =
      Pages.page(0, 50, "eyJpZCI6IjNmYTg1ZjY0In0").getBytes(StandardCharsets.UTF_8);

  /** The SDK: strict typed models, open enums, unknown fields kept. */
  @Benchmark
  public List<InvocationSummary> sdk() throws Exception {
    return BenchDecode.page(page);
  }

  /** Jackson data binding into a user's plain classes, timestamps parsed by JSR-310. */
  @Benchmark
  public HandWritten.Page readPojo() throws Exception {
    return HandWritten.MAPPER.readValue(page, HandWritten.Page.class);
  }
}
