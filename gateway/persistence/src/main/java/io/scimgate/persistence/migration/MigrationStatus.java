package io.scimgate.persistence.migration;

import java.time.Instant;
import java.util.List;

/**
 * What a database holds compared with this build's migrations: those applied as they are, those not applied yet,
 * those applied whose file was edited afterwards (a start refuses to run then), and those applied that this build
 * does not know (a newer build ran here).
 */
public record MigrationStatus(List<Applied> applied, List<Migration> pending, List<Applied> changed,
    List<Applied> unknown) {

  /** A row of {@code schema_migrations}. */
  public record Applied(int version, String name, Instant appliedAt) {}

  public MigrationStatus {
    applied = List.copyOf(applied);
    pending = List.copyOf(pending);
    changed = List.copyOf(changed);
    unknown = List.copyOf(unknown);
  }

  /** Nothing to apply and nothing edited: a start would apply nothing and refuse nothing. */
  public boolean upToDate() {
    return pending.isEmpty() && changed.isEmpty();
  }
}
