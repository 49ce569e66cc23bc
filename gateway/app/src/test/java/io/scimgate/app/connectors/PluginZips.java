package io.scimgate.app.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

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
        zip.putNextEntry(new ZipEntry(entry.getName()));
        byte[] bytes = in.readAllBytes();
        zip.write(entry.getName().equals("classes/META-INF/MANIFEST.MF") ? rewrite(bytes, manifest) : bytes);
        zip.closeEntry();
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

  private static byte[] rewrite(byte[] manifest, Map<String, String> attributes) {
    StringBuilder out = new StringBuilder();
    for (String line : new String(manifest, StandardCharsets.UTF_8).split("\r?\n")) {
      String key = line.contains(":") ? line.substring(0, line.indexOf(':')) : "";
      out.append(attributes.containsKey(key) ? key + ": " + attributes.get(key) : line).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
