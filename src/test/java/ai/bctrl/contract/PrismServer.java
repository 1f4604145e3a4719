package ai.bctrl.contract;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism serving the contract overlay of the spec on a free loopback port, started from
 * {@code contract/node_modules} (installed by {@code npm ci}) and stopped by its process handle.
 */
final class PrismServer implements AutoCloseable {
  private static final File PRISM = new File("contract/node_modules/.bin/prism");
  private static final File SPEC = new File("contract/openapi-contract.yaml");

  final String baseUrl;
  private final Process process;
  private final List<String> output = new ArrayList<>();

  private PrismServer(Process process, int port) {
    this.process = process;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  /** Starts Prism ({@code dynamic}: random schema-valid bodies) and waits until it listens. */
  static PrismServer start(boolean dynamic) throws Exception {
    if (!PRISM.canExecute()) {
      throw new IllegalStateException(
          "Prism is not installed: run `npm ci --ignore-scripts` in contract/ first");
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(PRISM.getPath());
    command.add("mock");
    command.add("-h");
    command.add("127.0.0.1");
    command.add("-p");
    command.add(Integer.toString(port));
    if (dynamic) {
      command.add("-d");
    }
    command.add(SPEC.getPath());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    PrismServer server = new PrismServer(process, port);
    server.awaitListening();
    return server;
  }

  private void awaitListening() throws Exception {
    CountDownLatch listening = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  synchronized (output) {
                    output.add(line);
                  }
                  if (line.contains("Prism is listening")) {
                    listening.countDown();
                  }
                }
              } catch (IOException closed) {
                // The process ended; close() or the wait below reports it.
              }
            },
            "prism-output");
    reader.setDaemon(true);
    reader.start();
    if (!listening.await(60, TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException("Prism did not start:\n" + output());
    }
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
