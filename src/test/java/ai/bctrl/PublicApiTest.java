package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bctrl.runs.RunsClient;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public packages are the API: nothing in them names the plumbing of ai.bctrl.internal. */
class PublicApiTest {
  private static final List<String> PUBLIC_PACKAGES =
      Arrays.asList(
          "ai.bctrl", "ai.bctrl.runs", "ai.bctrl.models", "ai.bctrl.pagination", "ai.bctrl.errors");

  private static List<Class<?>> publicClasses() throws IOException, URISyntaxException {
    Path root =
        Paths.get(RunsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        String name =
            root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        String pkg = name.substring(0, name.lastIndexOf('.'));
        if (!PUBLIC_PACKAGES.contains(pkg)) {
          continue;
        }
        Class<?> type;
        try {
          type = Class.forName(name, false, RunsClient.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        if (isVisible(type)) {
          classes.add(type);
        }
      }
    }
    return classes;
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Every type a public or protected member of {@code type} names, with where it names it. */
  private static List<String> signatures(Class<?> type) {
    List<String> found = new ArrayList<>();
    found.add(type.getName() + " extends " + type.getGenericSuperclass());
    for (Type parent : type.getGenericInterfaces()) {
      found.add(type.getName() + " implements " + parent);
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isApi(constructor.getModifiers())) {
        found.add(constructor.toGenericString());
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (isApi(method.getModifiers()) && !method.isSynthetic()) {
        found.add(method.toGenericString());
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (isApi(field.getModifiers())) {
        found.add(field.toGenericString());
      }
    }
    return found;
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    List<Class<?>> classes = publicClasses();
    assertThat(classes).as("public classes found").hasSizeGreaterThan(20);

    List<String> leaks =
        classes.stream()
            .flatMap(type -> signatures(type).stream())
            .filter(signature -> signature.contains("ai.bctrl.internal."))
            .collect(Collectors.toList());

    assertThat(leaks).as("public signatures that name ai.bctrl.internal").isEmpty();
  }

  @Test
  void theModelsAndPaginationDoNotDependOnInternal() throws Exception {
    for (String pkg : Arrays.asList("models", "pagination", "errors")) {
      try (Stream<Path> sources = Files.list(Paths.get("src/main/java/ai/bctrl", pkg))) {
        for (Path source : sources.collect(Collectors.toList())) {
          assertThat(new String(Files.readAllBytes(source), "UTF-8"))
              .as(source.toString())
              .doesNotContain("ai.bctrl.internal");
        }
      }
    }
  }
}
