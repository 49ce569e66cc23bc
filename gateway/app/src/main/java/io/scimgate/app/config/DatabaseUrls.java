package io.scimgate.app.config;

/** Helpers for {@code postgresql://} URLs. */
public final class DatabaseUrls {
  private DatabaseUrls() {}

  /** The URL without its password, for logs. */
  public static String redact(String url) {
    if (url == null) {
      return "unset";
    }
    return url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
