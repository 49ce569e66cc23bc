package io.scimgate.app.connectors;

import io.scimgate.connectors.api.IdpConnector;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.pf4j.Extension;

/** Plugin zips for tests, derived from the example third-party connector the build produced. */
final class PluginZips {
  private static final Path BUILD = Path.of("target");

  private PluginZips() {}

  /** The example connector's zip ({@code target/example-plugins/jumpcloud-connector-*.zip}). */
  static Path example() {
    try (DirectoryStream<Path> zips = Files.newDirectoryStream(BUILD.resolve("example-plugins"), "*.zip")) {
      return zips.iterator().next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the example into {@code dir} under {@code name}, as the build made it. */
  static Path copyExample(Path dir, String name) throws IOException {
    return Files.copy(example(), dir.resolve(name));
  }

  /**
   * A variant of the example: manifest attributes replaced ({@code Plugin-Id}, {@code Plugin-Requires}...) and
   * extra files added ({@code lib/x.jar} -> its source).
   */
  static Path variant(Path dir, String name, Map<String, String> manifest, Map<String, Path> extraFiles)
      throws IOException {
    Path out = dir.resolve(name);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(example()));
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        entry(zip, entry.getName(),
            entry.getName().equals("classes/META-INF/MANIFEST.MF") ? rewrite(bytes, manifest) : bytes);
      }
      for (Map.Entry<String, Path> extra : extraFiles.entrySet()) {
        zip.putNextEntry(new ZipEntry(extra.getKey()));
        try (InputStream file = Files.newInputStream(extra.getValue())) {
          file.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    return out;
  }

  /**
   * A plugin zip of connectors compiled here from {@code sources} (class name to Java source) against this build's
   * SDK and PF4J, listed in the extension index, with {@code manifest} as its descriptor: a plugin as a third party
   * would build it, without a Maven project of its own.
   */
  static Path compiled(Path dir, String name, Map<String, String> manifest, Map<String, String> sources)
      throws IOException {
    Path classes = Files.createTempDirectory("plugin-classes");
    List<String> options = List.of("-proc:none", "-d", classes.toString(), "-classpath",
        codeSource(IdpConnector.class) + File.pathSeparator + codeSource(Extension.class));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = sources.entrySet().stream().map(s -> source(s.getKey(), s.getValue())).toList();
    if (!javac.getTask(null, null, null, options, null, units).call()) {
      throw new IllegalStateException("test plugin sources do not compile");
    }
    Path out = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out));
        Stream<Path> files = Files.walk(classes)) {
      StringBuilder descriptor = new StringBuilder("Manifest-Version: 1.0\r\n");
      manifest.forEach((key, value) -> descriptor.append(key).append(": ").append(value).append("\r\n"));
      entry(zip, "classes/META-INF/MANIFEST.MF", descriptor.toString().getBytes(StandardCharsets.UTF_8));
      entry(zip, "classes/META-INF/extensions.idx",
          String.join("\n", sources.keySet()).getBytes(StandardCharsets.UTF_8));
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        entry(zip, "classes/" + classes.relativize(file).toString().replace(File.separatorChar, '/'),
            Files.readAllBytes(file));
      }
    } finally {
      deleteTree(classes);
    }
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static JavaFileObject source(String className, String code) {
    URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }

  private static String codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static byte[] rewrite(byte[] manifest, Map<String, String> attributes) {
    StringBuilder out = new StringBuilder();
    for (String line : new String(manifest, StandardCharsets.UTF_8).split("\r?\n")) {
      String key = line.contains(":") ? line.substring(0, line.indexOf(':')) : "";
      out.append(attributes.containsKey(key) ? key + ": " + attributes.get(key) : line).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
