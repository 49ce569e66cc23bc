package io.scimgate.benchmarks.pgbench;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Numbers the seeded users and groups 0..n-1 in two small tables, {@code bench_seed_users(n, id)} and
 * {@code bench_seed_groups(n, id)}: pgbench can draw a random number but not a random UUID, so its scripts find a
 * seeded row's id by its number. User n is the user {@code GatewayClient.seedUsers} named {@code user-<n>}, as in
 * the load generator's seed. They live in the throw-away benchmark database, beside the gateway's schema.
 */
final class SeedNumbers {
  private SeedNumbers() {}

  static void write(Pool db, List<UUID> users, List<UUID> groups) {
    db.query("CREATE TABLE bench_seed_users (n integer PRIMARY KEY, id uuid NOT NULL)").execute().await();
    db.query("CREATE TABLE bench_seed_groups (n integer PRIMARY KEY, id uuid NOT NULL)").execute().await();
    insert(db, "bench_seed_users", users);
    insert(db, "bench_seed_groups", groups);
    db.query("ANALYZE bench_seed_users, bench_seed_groups").execute().await();
  }

  /** 10,000 rows per statement, as the seeding itself. */
  private static void insert(Pool db, String table, List<UUID> ids) {
    for (int start = 0; start < ids.size(); start += 10_000) {
      UUID[] batch = ids.subList(start, Math.min(ids.size(), start + 10_000)).toArray(UUID[]::new);
      db.preparedQuery("INSERT INTO " + table + " (n, id) SELECT $1::integer + ord::integer - 1, id"
          + " FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, ord)").execute(Tuple.of(start, (Object) batch)).await();
    }
  }
}
