package ai.bctrl.examples;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An example run as a program, on this test's classpath, aimed at a gateway by environment. */
final class JavaProgram {
  final int exitValue;
  final String output;

  private JavaProgram(int exitValue, String output) {
    this.exitValue = exitValue;
    this.output = output;
  }

  /** Runs {@code mainClass} with {@code args}, BCTRL_BASE_URL and BCTRL_API_KEY set, to its end. */
  static JavaProgram run(String baseUrl, String apiKey, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    ProcessBuilder java = new ProcessBuilder(command);
    java.environment().put("BCTRL_API_KEY", apiKey);
    java.environment().put("BCTRL_BASE_URL", baseUrl);
    java.redirectErrorStream(true);
    Process process = java.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(mainClass + " did not end within 60 s");
    }
    return new JavaProgram(
        process.exitValue(), new String(out.toByteArray(), StandardCharsets.UTF_8));
  }
}
