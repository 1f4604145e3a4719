package com.example.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The test the README prints under "Testing your code" is, byte for byte, the one run here. */
class ReadmeTestIsThisTest {
  private static final Path README = Paths.get("../../README.md");
  private static final Path TEST =
      Paths.get("src/test/java/com/example/FailedInvocationsTest.java");

  @Test
  void theReadmesTestingYourCodeBlockIsFailedInvocationsTest() throws Exception {
    String readme = new String(Files.readAllBytes(README), StandardCharsets.UTF_8);
    int section = readme.indexOf("\n## Testing your code\n");
    assertThat(section).as("the README's Testing your code section").isPositive();
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find(section)).as("a java block in Testing your code").isTrue();

    assertThat(block.group(1))
        .isEqualTo(new String(Files.readAllBytes(TEST), StandardCharsets.UTF_8));
  }
}
