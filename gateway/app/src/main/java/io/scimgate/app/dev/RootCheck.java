package io.scimgate.app.dev;

/** Whether this process runs as root (uid 0), where PostgreSQL refuses to start. */
final class RootCheck {
  private RootCheck() {}

  static boolean isRoot() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (RuntimeException | LinkageError notUnix) {
      return false;
    }
  }
}
