package io.scimgate.benchmarks.pgbench;

import java.util.List;

/**
 * The pgbench scripts of the load workloads: per IdP operation exactly the statements {@code CeilingServer} executes
 * for it, each autocommitted on its own as there (no BEGIN/COMMIT).
 *
 * <p>pgbench variables are numbers ({@code \set}) or strings given once for the run ({@code -D conn=<uuid>},
 * {@code -D doc=<json>}), so a statement cannot be handed a seeded user's random UUID directly. Where the ceiling
 * gets a string it builds from a number ({@code user-ext-<n>}), the script builds it in SQL from the same number;
 * where it gets a seeded id, the script reads it from the small {@link SeedNumbers} tables inside the same
 * statement (a subquery on an integer primary key: one extra index probe, no extra round trip). entra-cycle takes
 * the id its lookup returns with {@code \gset}, as the ceiling's client takes it from the response.
 */
final class PgbenchScripts {
  static final List<String> WORKLOADS = List.of("okta-import", "entra-cycle", "deactivate", "group-storm");

  private PgbenchScripts() {}

  /** {@code mixed} is the four scripts at equal weights: pgbench picks one at random per transaction. */
  static List<PgbenchScript> of(String workload, int users, int groups) {
    if (workload.equals("mixed")) {
      return WORKLOADS.stream().map(w -> of(w, users, groups).get(0)).toList();
    }
    return List.of(switch (workload) {
      case "okta-import" -> oktaImport();
      case "entra-cycle" -> entraCycle(users);
      case "deactivate" -> deactivate(users);
      case "group-storm" -> groupStorm(users, groups);
      default -> throw new IllegalArgumentException("no pgbench script for workload '" + workload + "'");
    });
  }

  /**
   * A userName that does not exist yet, random over 2^62 (a duplicate would abort the pgbench client on the unique
   * index; at a million users the odds are about one in ten million). The document is the same ~1 KB Okta payload
   * for every user ({@code -D doc}); the row's own columns carry the new userName.
   */
  private static PgbenchScript oktaImport() {
    return new PgbenchScript("okta-import", """
        -- GET /Users?filter=userName eq "<new>", then POST /Users
        \\set r random(1, 4611686018427387903)
        SELECT id FROM scim_users
          WHERE connection_id = :conn AND lower(user_name) = lower('okta-' || :r || '@bench.local');
        INSERT INTO scim_users (id, tenant_id, connection_id, user_name, external_id, active, doc, version,
            created_at, modified_at)
          SELECT gen_random_uuid(), tenant_id, :conn, 'okta-' || :r || '@bench.local', '00u' || :r, true,
            :doc::text::jsonb, 1, now(), now() FROM connections WHERE id = :conn;
        """, List.of("lookup userName", "create user"));
  }

  private static PgbenchScript entraCycle(int users) {
    return new PgbenchScript("entra-cycle", """
        -- GET /Users?filter=externalId eq "user-ext-<n>", then Entra's PATCH of the id found
        \\set n random(0, %d)
        \\set salt random(-2147483648, 2147483647)
        SELECT id AS user_id FROM scim_users
          WHERE connection_id = :conn AND external_id = 'user-ext-' || :n \\gset
        UPDATE scim_users SET doc = doc || ('{"displayName":"User ' || :salt || '"}')::text::jsonb,
            version = version + 1, modified_at = now()
          WHERE id = :user_id;
        """.formatted(users - 1), List.of("lookup externalId", "patch user (entra)"));
  }

  /** {@code :active} is 0 or 1, which PostgreSQL reads as a boolean. */
  private static PgbenchScript deactivate(int users) {
    return new PgbenchScript("deactivate", """
        -- PATCH /Users/<id of seeded user n>: replace active
        \\set n random(0, %d)
        \\set active random(0, 1)
        UPDATE scim_users SET active = :active, version = version + 1, modified_at = now()
          WHERE id = (SELECT id FROM bench_seed_users WHERE n = :n);
        """.formatted(users - 1), List.of("patch active"));
  }

  private static PgbenchScript groupStorm(int users, int groups) {
    return new PgbenchScript("group-storm", """
        -- PATCH /Groups/<group g>: add seeded user n; every tenth operation also Okta's rename PATCH
        \\set g random(0, %d)
        \\set n random(0, %d)
        \\set rename random(0, 9)
        INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)
          SELECT g.tenant_id, g.id, (SELECT id FROM bench_seed_users WHERE n = :n), 'User'
          FROM scim_groups g WHERE g.id = (SELECT id FROM bench_seed_groups WHERE n = :g)
          ON CONFLICT DO NOTHING;
        \\if :rename = 0
        UPDATE scim_groups SET display_name = 'Storm ' || :g
          WHERE id = (SELECT id FROM bench_seed_groups WHERE n = :g);
        \\endif
        """.formatted(groups - 1, users - 1), List.of("patch add member", "patch rename group"));
  }
}
