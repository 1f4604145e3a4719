import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Compares the jars of two builds byte for byte: java .ci/CompareJars.java FIRST_DIR SECOND_DIR.
 * Every jar of either directory must be in both and equal; for a pair that differs it names the
 * first difference (an entry missing or out of order, an entry's time, attributes or content, or
 * else the first differing byte). Exits 1 if any pair differs or no jar was found.
 */
public final class CompareJars {
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java CompareJars.java FIRST_DIR SECOND_DIR");
      System.exit(2);
    }
    Path first = Paths.get(args[0]);
    Path second = Paths.get(args[1]);
    TreeSet<String> names = new TreeSet<>(jars(first));
    names.addAll(jars(second));
    if (names.isEmpty()) {
      System.err.println("no jar in " + first + " or " + second);
      System.exit(1);
    }
    int differing = 0;
    for (String name : names) {
      String difference = difference(first.resolve(name), second.resolve(name));
      if (difference == null) {
        System.out.println("same: " + name + " (" + Files.size(first.resolve(name)) + " bytes)");
      } else {
        System.out.println("DIFFERENT: " + name + ": " + difference);
        differing++;
      }
    }
    if (differing > 0) {
      System.out.println(differing + " of " + names.size() + " jars differ between the builds");
      System.exit(1);
    }
    System.out.println(names.size() + " jars identical byte for byte");
  }

  private static List<String> jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".jar"))
          .collect(Collectors.toList());
    }
  }

  /** The first difference between two jars, or null if they are equal byte for byte. */
  static String difference(Path a, Path b) throws IOException {
    if (!Files.exists(a) || !Files.exists(b)) {
      return "only in " + (Files.exists(a) ? a.getParent() : b.getParent());
    }
    byte[] bytesA = Files.readAllBytes(a);
    byte[] bytesB = Files.readAllBytes(b);
    if (Arrays.equals(bytesA, bytesB)) {
      return null;
    }
    try (ZipFile zipA = new ZipFile(a.toFile());
        ZipFile zipB = new ZipFile(b.toFile())) {
      List<ZipEntry> entriesA = entries(zipA);
      List<ZipEntry> entriesB = entries(zipB);
      for (int i = 0; i < Math.max(entriesA.size(), entriesB.size()); i++) {
        if (i >= entriesA.size() || i >= entriesB.size()) {
          return "entry " + i + " only in one build: "
              + (i < entriesA.size() ? entriesA.get(i) : entriesB.get(i)).getName();
        }
        ZipEntry x = entriesA.get(i);
        ZipEntry y = entriesB.get(i);
        if (!x.getName().equals(y.getName())) {
          return "entry " + i + " is " + x.getName() + " in one build, " + y.getName() + " in the other";
        }
        if (x.getTime() != y.getTime()) {
          return x.getName() + ": time " + x.getLastModifiedTime() + " vs " + y.getLastModifiedTime();
        }
        if (x.getMethod() != y.getMethod() || !Arrays.equals(x.getExtra(), y.getExtra())
            || !Objects.equals(x.getComment(), y.getComment())) {
          return x.getName() + ": compression method, extra field or comment";
        }
        byte[] contentA = read(zipA, x);
        byte[] contentB = read(zipB, y);
        if (!Arrays.equals(contentA, contentB)) {
          int at = 0;
          while (at < Math.min(contentA.length, contentB.length) && contentA[at] == contentB[at]) {
            at++;
          }
          return x.getName() + ": content differs at byte " + at + " (" + contentA.length
              + " vs " + contentB.length + " bytes)" + textAround(contentA, contentB, at);
        }
      }
    }
    int at = 0;
    while (at < Math.min(bytesA.length, bytesB.length) && bytesA[at] == bytesB[at]) {
      at++;
    }
    return "entries equal, but the zip differs at byte " + at + " (file attributes or layout)";
  }

  private static List<ZipEntry> entries(ZipFile zip) {
    List<ZipEntry> list = new ArrayList<>();
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      list.add(e.nextElement());
    }
    return list;
  }

  private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  /** The line around the first difference, for text entries (a manifest, an HTML page). */
  private static String textAround(byte[] a, byte[] b, int at) {
    return ": \"" + line(a, at) + "\" vs \"" + line(b, at) + "\"";
  }

  private static String line(byte[] bytes, int at) {
    int start = Math.max(0, Math.min(at, bytes.length) - 40);
    int end = Math.min(bytes.length, at + 40);
    return new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replaceAll("[^\\x20-\\x7e]", "?");
  }
}
