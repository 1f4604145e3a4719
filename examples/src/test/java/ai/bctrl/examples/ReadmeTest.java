package ai.bctrl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.testing.LocalGateway;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the README true: its Java snippets are code that the examples compile and run. */
class ReadmeTest {
  private static final Path README = Paths.get("../README.md");

  /** Where snippets live: the examples, and the user's test in the consumer smoke project. */
  private static final List<Path> SOURCES =
      java.util.Arrays.asList(
          Paths.get("src/main/java/ai/bctrl/examples"),
          Paths.get("../testing/consumer-smoke/src/test/java/com/example/smoke"));

  /** Lines trimmed and blank lines dropped, so indentation does not matter. */
  private static String normalize(String code) {
    return Stream.of(code.split("\n"))
        .map(String::trim)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void everyJavaSnippetInTheReadmeIsInAnExample() throws Exception {
    String readme = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
    Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    StringBuilder sources = new StringBuilder();
    for (Path folder : SOURCES) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file :
            files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
          sources.append(normalize(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
          sources.append('\n');
        }
      }
    }
    List<String> missing = new ArrayList<>();
    int count = 0;
    while (blocks.find()) {
      count++;
      if (!sources.toString().contains(normalize(blocks.group(1)))) {
        missing.add(blocks.group(1));
      }
    }
    assertThat(count).as("java snippets in the README").isGreaterThanOrEqualTo(8);
    assertThat(missing).as("README snippets not found in examples/").isEmpty();
  }

  @Test
  void theChangelogHasOneUnreleasedSectionAndNoOther() throws Exception {
    String changelog =
        new String(Files.readAllBytes(Paths.get("../CHANGELOG.md")), StandardCharsets.UTF_8);
    Matcher versions = Pattern.compile("(?m)^## \\[(.+?)\\]").matcher(changelog);
    List<String> sections = new ArrayList<>();
    while (versions.find()) {
      sections.add(versions.group(1));
    }
    // Nothing is published yet: every change is in the one section of the first release.
    assertThat(sections).containsExactly("Unreleased");
  }

  @Test
  void quickstartRunsFromTheEnvironmentAsTheReadmeSays() throws Exception {
    try (LocalGateway gateway = LocalGateway.start()) {
      ProcessBuilder java =
          new ProcessBuilder(
              System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
              "-cp",
              System.getProperty("java.class.path"),
              Quickstart.class.getName(),
              "demo-run");
      java.environment().put("BCTRL_API_KEY", gateway.apiKey());
      java.environment().put("BCTRL_BASE_URL", gateway.baseUrl());
      java.redirectErrorStream(true);
      Process process = java.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = process.getInputStream()) {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
        }
      }
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(text).isZero();
      assertThat(text.split("\n")).hasSize(1234);
      assertThat(text).doesNotContain("local gateway at");
    }
  }
}
