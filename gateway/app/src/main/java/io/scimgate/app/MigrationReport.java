package io.scimgate.app;

import io.scimgate.persistence.migration.Migration;
import io.scimgate.persistence.migration.MigrationStatus;
import java.io.PrintStream;

/**
 * {@code migrate --status}: one line per migration and a summary, and an exit code a deployment script can act
 * on: 0 up to date, 3 migrations pending (a start or {@code migrate} applies them), 4 an applied migration was
 * edited afterwards (a start refuses to run: restore the file and add a new migration instead).
 */
final class MigrationReport {
  static final int UP_TO_DATE = 0;
  static final int PENDING = 3;
  static final int CHANGED = 4;

  private MigrationReport() {}

  /** Prints the report; the exit code. */
  static int print(MigrationStatus status, PrintStream out) {
    status.applied().forEach(done -> out.printf("  applied  %s  (%s)%n", done.name(), done.appliedAt()));
    status.changed().forEach(done -> out.printf("  CHANGED  %s  (applied %s; its file was edited since)%n",
        done.name(), done.appliedAt()));
    for (Migration migration : status.pending()) {
      out.printf("  pending  %s%n", migration.name());
    }
    status.unknown().forEach(done -> out.printf(
        "  unknown  %s  (applied %s by a build that has it; this one does not)%n", done.name(), done.appliedAt()));
    out.printf("%d applied, %d pending, %d changed, %d unknown%n", status.applied().size(), status.pending().size(),
        status.changed().size(), status.unknown().size());
    if (!status.changed().isEmpty()) {
      out.println("A start refuses to run with a changed migration: restore its file, and add a new migration"
          + " for the change.");
      return CHANGED;
    }
    return status.pending().isEmpty() ? UP_TO_DATE : PENDING;
  }
}
