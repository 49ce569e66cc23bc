package io.scimgate.persistence.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One numbered SQL migration: {@code V001__core_tables.sql} has version 1. */
public record Migration(int version, String name, String sql) {

  /** Parses the version from a file name of the form {@code V<number>__<description>.sql}. */
  public static Migration of(String fileName, String sql) {
    if (!fileName.matches("V\\d+__[A-Za-z0-9_]+\\.sql")) {
      throw new IllegalArgumentException("Migration file name must look like V001__description.sql: " + fileName);
    }
    int version = Integer.parseInt(fileName.substring(1, fileName.indexOf("__")));
    return new Migration(version, fileName, sql);
  }

  /** SHA-256 of the script, to refuse starting when an applied migration was edited afterwards. */
  public String checksum() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
