package io.scimgate.app.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's Java sources as the architecture tests read them: found from the repository root (the build runs
 * a module's tests from its own folder), every module's {@code src/main/java}, build output left out.
 */
public final class SourceTree {
  /** The repository root: the folder holding the reactor's pom, README and docs. */
  public static final Path ROOT = repositoryRoot();

  private SourceTree() {}

  /** Every main source file of every module (plugins, connectors and benchmarks included), sorted. */
  static List<Path> mainSources() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(path -> path.toString().endsWith(".java"))
          .filter(path -> relative(path).matches("(.+/)?src/main/java/.+"))
          .filter(path -> !relative(path).matches("(.*/)?(target|node_modules|\\.[^/]+)/.*"))
          .sorted().toList();
    }
  }

  /** The module a source file belongs to: the path before its {@code src/main/java} ({@code gateway/invites}). */
  static String module(Path source) {
    String path = relative(source);
    return path.substring(0, path.indexOf("/src/main/java/"));
  }

  /** The path from the repository root, with forward slashes. */
  static String relative(Path path) {
    return ROOT.relativize(path).toString().replace('\\', '/');
  }

  /** Up from where the tests run to the folder holding the reactor's pom, README and docs. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
        && Files.exists(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new UncheckedIOException(new IOException("no repository root above " + Path.of("").toAbsolutePath()));
    }
    return dir;
  }
}
