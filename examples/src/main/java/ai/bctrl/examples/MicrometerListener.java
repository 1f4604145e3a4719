package ai.bctrl.examples;

import ai.bctrl.RequestListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;

/**
 * Forwards the client's events to Micrometer: a timer per status and a counter of retries. The SDK
 * has no Micrometer dependency; this class is the whole bridge.
 */
// README: micrometer
public final class MicrometerListener implements RequestListener {
  private final MeterRegistry registry;

  public MicrometerListener(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void responseReceived(
      Attempt attempt, int statusCode, Duration duration, Optional<String> requestId) {
    Timer.builder("bctrl.requests")
        .tag("path", attempt.path().replaceAll("/runs/[^/]+/", "/runs/{runId}/"))
        .tag("status", Integer.toString(statusCode))
        .register(registry)
        .record(duration);
  }

  @Override
  public void retryScheduled(Attempt attempt, Duration delay, String reason) {
    registry.counter("bctrl.retries", "reason", reason).increment();
  }
}
// README: end
