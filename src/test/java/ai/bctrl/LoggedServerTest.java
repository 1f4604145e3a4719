package ai.bctrl;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer on loopback, and every record the SDK logs while a test runs. */
abstract class LoggedServerTest {
  // Held strongly: java.util.logging forgets a logger nobody references, handlers and all.
  private static final Logger SDK_LOGGER = Logger.getLogger("ai.bctrl");
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (records) {
            records.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  protected MockWebServer server;

  @BeforeEach
  void startServerAndCapture() throws Exception {
    server = new MockWebServer();
    server.start();
    SDK_LOGGER.addHandler(capture);
  }

  @AfterEach
  void stopServerAndCapture() throws Exception {
    SDK_LOGGER.removeHandler(capture);
    server.shutdown();
  }

  /** The messages logged so far, a line each. */
  protected String logText() {
    StringBuilder text = new StringBuilder();
    synchronized (records) {
      for (LogRecord record : records) {
        text.append(record.getMessage()).append('\n');
      }
    }
    return text.toString();
  }
}
