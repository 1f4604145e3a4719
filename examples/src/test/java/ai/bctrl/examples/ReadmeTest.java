package ai.bctrl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.testing.LocalGateway;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Keeps the README true: its Java snippets are code that the examples compile and run. */
class ReadmeTest {
  private static final Path README = Paths.get("../README.md");

  /** Where snippets live: the examples, and the user's test in the consumer smoke project. */
  private static final List<Path> SOURCES =
      java.util.Arrays.asList(
          Paths.get("src/main/java/ai/bctrl/examples"),
          Paths.get("../testing/consumer-smoke/src/test/java/com/example"));

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

  /** What a README snippet may use without declaring it: the imports a user's file would have. */
  private static final String IMPORTS =
      String.join(
          "\n",
          "import ai.bctrl.*;",
          "import ai.bctrl.RequestListener.Attempt;",
          "import ai.bctrl.errors.*;",
          "import ai.bctrl.models.*;",
          "import ai.bctrl.pagination.*;",
          "import ai.bctrl.runs.*;",
          "import com.fasterxml.jackson.databind.DeserializationFeature;",
          "import com.fasterxml.jackson.databind.ObjectMapper;",
          "import com.fasterxml.jackson.databind.SerializationFeature;",
          "import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;",
          "import io.micrometer.core.instrument.MeterRegistry;",
          "import io.micrometer.core.instrument.Timer;",
          "import java.time.*;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "import java.util.concurrent.atomic.*;",
          "import java.util.stream.*;",
          "import okhttp3.OkHttpClient;",
          "");

  private static final Pattern GIVEN =
      Pattern.compile("^// Given: ([^;.]*)[;.]", Pattern.MULTILINE);
  private static final Pattern CLASS =
      Pattern.compile(
          "^(?:/\\*\\*.*?\\*/\\s*)?(?:(?:public|static|final) )*class ", Pattern.DOTALL);

  /**
   * Compiles every Java block of the README as it is printed, against the SDK, the test kit and
   * nothing else a snippet does not name: a class block as a class, a whole file as a file, and a
   * fragment as the body of a method whose parameters are exactly what its {@code // Given:} line
   * declares. A name a snippet uses without declaring it fails the build.
   */
  @Test
  void everyJavaBlockInTheReadmeCompilesAsPrinted() throws Exception {
    String readme = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
    Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    Path root = Paths.get("target/readme-snippets");
    Path src = root.resolve("src");
    Path classes = root.resolve("classes");
    Files.createDirectories(src.resolve("com/example"));
    Files.createDirectories(src.resolve("readme"));
    Files.createDirectories(classes);
    StringBuilder snippets = new StringBuilder("package readme;\n\n").append(IMPORTS);
    snippets.append("\n@SuppressWarnings(\"all\")\nclass ReadmeSnippets {\n");
    List<Path> files = new ArrayList<>();
    int count = 0;
    while (blocks.find()) {
      String block = blocks.group(1);
      int line = readme.substring(0, blocks.start()).split("\n", -1).length;
      count++;
      if (block.startsWith("package ")) {
        Matcher name = Pattern.compile("class (\\w+)").matcher(block);
        assertThat(name.find()).as("the class of the file at README line " + line).isTrue();
        Path file = src.resolve("com/example/" + name.group(1) + ".java");
        Files.write(file, block.getBytes(StandardCharsets.UTF_8));
        files.add(file);
      } else if (CLASS.matcher(block).find()) {
        snippets.append("// README line ").append(line).append('\n').append(block).append('\n');
      } else {
        Matcher given = GIVEN.matcher(block);
        String parameters = given.find() ? given.group(1).trim() : "";
        snippets
            .append("// README line ")
            .append(line)
            .append("\nObject line")
            .append(line)
            .append('(')
            .append(parameters)
            .append(") throws Exception {\nif (true) {\n")
            .append(block)
            .append("}\nreturn null;\n}\n");
      }
    }
    snippets.append("}\n");
    Path snippetFile = src.resolve("readme/ReadmeSnippets.java");
    Files.write(snippetFile, snippets.toString().getBytes(StandardCharsets.UTF_8));
    files.add(snippetFile);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK's compiler").isNotNull();
    List<String> args = new ArrayList<>();
    args.add("-proc:none");
    args.add("-d");
    args.add(classes.toString());
    args.add("-classpath");
    args.add(System.getProperty("java.class.path"));
    for (Path file : files) {
      args.add(file.toString());
    }
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, args.toArray(new String[0]));

    assertThat(count).as("java blocks in the README").isGreaterThanOrEqualTo(18);
    assertThat(status)
        .as(
            "javac of the README's blocks (see %s):%n%s",
            snippetFile, new String(diagnostics.toByteArray(), StandardCharsets.UTF_8))
        .isZero();
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
      JavaProgram program =
          JavaProgram.run(
              gateway.baseUrl(), gateway.apiKey(), Quickstart.class.getName(), "demo-run");
      String text = program.output;
      assertThat(program.exitValue).as(text).isZero();
      assertThat(text.split("\n")).hasSize(1234);
      assertThat(text).doesNotContain("local gateway at");
    }
  }
}
