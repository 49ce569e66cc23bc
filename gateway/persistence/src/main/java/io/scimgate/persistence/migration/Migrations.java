package io.scimgate.persistence.migration;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered migrations listed in {@code db/migration/index.txt}, idempotently.
 *
 * <p>Every node runs this at start-up. A session-level advisory lock serialises concurrent runs: the second
 * node waits, then finds everything applied. Each migration runs in its own transaction together with its row
 * in {@code schema_migrations}, so a failed script leaves no trace. An applied script whose checksum changed
 * stops the start: edit history by adding a migration, never by changing one.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final String INDEX = "db/migration/index.txt";
  /** Arbitrary, fixed: "scimgate" in ASCII, so that it does not collide with other applications' locks. */
  private static final long LOCK_KEY = 0x7363696d67617465L;

  private final List<Migration> migrations;

  private Migrations(List<Migration> migrations) {
    this.migrations = List.copyOf(migrations);
  }

  /** Reads the scripts from the classpath. Blocking: call it before the event loops serve requests. */
  public static Migrations fromClasspath() {
    ClassLoader loader = Migrations.class.getClassLoader();
    List<Migration> list = new ArrayList<>();
    for (String line : read(loader, INDEX).split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        list.add(Migration.of(name, read(loader, "db/migration/" + name)));
      }
    }
    return new Migrations(list);
  }

  public List<Migration> all() {
    return migrations;
  }

  /** Only those up to and including {@code version}: an older schema, for tests of a migration that moves data. */
  public Migrations through(int version) {
    return new Migrations(migrations.stream().filter(migration -> migration.version() <= version).toList());
  }

  /** Applies what is missing; completes with the number of migrations applied by this call. */
  public Future<Integer> apply(Pool pool) {
    return pool.getConnection().compose(conn -> applyLocked(conn).eventually(conn::close));
  }

  /**
   * Compares the database with these migrations without changing anything: no lock, no table created (a database
   * never migrated has everything pending).
   */
  public Future<MigrationStatus> status(Pool pool) {
    return pool.query("SELECT to_regclass('schema_migrations') IS NOT NULL").execute()
        .compose(rows -> !rows.iterator().next().getBoolean(0) ? Future.succeededFuture(List.<Row>of())
            : pool.query("SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version")
                .execute().map(applied -> {
                  List<Row> list = new ArrayList<>();
                  applied.forEach(list::add);
                  return list;
                }))
        .map(this::compare);
  }

  private MigrationStatus compare(List<Row> rows) {
    Map<Integer, Migration> known = new HashMap<>();
    migrations.forEach(migration -> known.put(migration.version(), migration));
    List<MigrationStatus.Applied> applied = new ArrayList<>();
    List<MigrationStatus.Applied> changed = new ArrayList<>();
    List<MigrationStatus.Applied> unknown = new ArrayList<>();
    for (Row row : rows) {
      MigrationStatus.Applied done = new MigrationStatus.Applied(row.getInteger("version"), row.getString("name"),
          row.getOffsetDateTime("applied_at").toInstant());
      Migration migration = known.remove(done.version());
      if (migration == null) {
        unknown.add(done);
      } else if (migration.checksum().equals(row.getString("checksum"))) {
        applied.add(done);
      } else {
        changed.add(done);
      }
    }
    List<Migration> pending = migrations.stream().filter(migration -> known.containsKey(migration.version()))
        .toList();
    return new MigrationStatus(applied, pending, changed, unknown);
  }

  private Future<Integer> applyLocked(SqlConnection conn) {
    Tuple lock = Tuple.of(LOCK_KEY);
    return conn.preparedQuery("SELECT pg_advisory_lock($1)").execute(lock)
        .compose(locked -> applyMissing(conn))
        .eventually(() -> conn.preparedQuery("SELECT pg_advisory_unlock($1)").execute(lock));
  }

  private Future<Integer> applyMissing(SqlConnection conn) {
    return conn.query("SELECT to_regclass('schema_migrations') IS NOT NULL").execute()
        .compose(rows -> rows.iterator().next().getBoolean(0) ? Future.succeededFuture()
            : conn.query("""
                CREATE TABLE schema_migrations (
                  version    integer PRIMARY KEY,
                  name       text        NOT NULL,
                  checksum   text        NOT NULL,
                  applied_at timestamptz NOT NULL DEFAULT now())""").execute().mapEmpty())
        .compose(created -> conn.query("SELECT version, checksum FROM schema_migrations").execute())
        .compose(rows -> {
          Map<Integer, String> applied = new HashMap<>();
          for (Row row : rows) {
            applied.put(row.getInteger("version"), row.getString("checksum"));
          }
          return applyInOrder(conn, pending(applied));
        });
  }

  private List<Migration> pending(Map<Integer, String> applied) {
    List<Migration> pending = new ArrayList<>();
    for (Migration migration : migrations) {
      String checksum = applied.get(migration.version());
      if (checksum == null) {
        pending.add(migration);
      } else if (!checksum.equals(migration.checksum())) {
        throw new IllegalStateException("Migration " + migration.name()
            + " was changed after it was applied; add a new migration instead of editing this one");
      }
    }
    return pending;
  }

  private Future<Integer> applyInOrder(SqlConnection conn, List<Migration> pending) {
    Future<Void> chain = Future.succeededFuture();
    for (Migration migration : pending) {
      chain = chain.compose(previous -> applyOne(conn, migration));
    }
    return chain.map(done -> pending.size());
  }

  private Future<Void> applyOne(SqlConnection conn, Migration migration) {
    return conn.begin().compose(tx -> conn.query(migration.sql()).execute()
        .compose(done -> conn.preparedQuery(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)")
            .execute(Tuple.of(migration.version(), migration.name(), migration.checksum())))
        .compose(done -> tx.commit())
        .onSuccess(done -> LOG.info("Applied migration {}", migration.name()))
        .recover(failure -> tx.rollback().transform(ignored -> Future.failedFuture(failure))));
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
