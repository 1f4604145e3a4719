package ai.bctrl.bench;

import ai.bctrl.internal.InvocationSummaryReader;
import ai.bctrl.internal.Json;
import ai.bctrl.internal.PageReader;
import ai.bctrl.models.InvocationSummary;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** One realistic 50-item page, bytes prepared once, decoded three ways. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {
  private final byte[] page =
      Pages.page(0, 50, "eyJpZCI6IjNmYTg1ZjY0In0").getBytes(StandardCharsets.UTF_8);
  private final PageReader<InvocationSummary> reader =
      new PageReader<>(InvocationSummaryReader.INSTANCE);

  /** The SDK's decoder: typed models, parsed timestamps, open enums. */
  @Benchmark
  public PageReader.PageData<InvocationSummary> sdk() throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(page)) {
      return reader.read(parser);
    }
  }

  /** Jackson's tree model: no types, no timestamps parsed. */
  @Benchmark
  public JsonNode readTree() throws IOException {
    return HandWritten.MAPPER.readTree(page);
  }

  /** Jackson into maps and lists. */
  @Benchmark
  public Map<?, ?> readMap() throws IOException {
    return HandWritten.MAPPER.readValue(page, Map.class);
  }

  /** Jackson data binding into a user's plain classes, timestamps parsed by JSR-310. */
  @Benchmark
  public HandWritten.Page readPojo() throws IOException {
    return HandWritten.MAPPER.readValue(page, HandWritten.Page.class);
  }
}
