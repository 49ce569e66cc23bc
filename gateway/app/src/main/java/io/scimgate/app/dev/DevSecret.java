package io.scimgate.app.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The signing secret of a development gateway: generated once into {@code .scimgate-dev/signing-secret}
 * (readable by the owner only), so that tokens survive restarts. Production ({@code start}) never uses it.
 */
public final class DevSecret {
  private DevSecret() {}

  public static Path file(Path devDir) {
    return devDir.resolve("signing-secret");
  }

  /** The stored secret, or {@code null} when none was generated yet. */
  public static String read(Path devDir) {
    Path file = file(devDir);
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public static String readOrCreate(Path devDir) {
    String existing = read(devDir);
    if (existing != null) {
      return existing;
    }
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path file = file(devDir);
    try {
      Files.createDirectories(devDir);
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file stays with the directory's default permissions
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
