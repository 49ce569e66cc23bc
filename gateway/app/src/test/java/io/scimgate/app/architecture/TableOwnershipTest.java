package io.scimgate.app.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may name a table in SQL, and who may change it: the tables are the ones the migrations create
 * ({@code gateway/persistence/src/main/resources/db/migration/*.sql}, {@code CREATE TABLE}), and their owners are
 * {@link #OWNERS}, the map that docs/architecture.md lists under "Tables and their owners"
 * (docs/architecture.md#tables-and-their-owners; {@link #theArchitectureDocumentListsTheSameOwners} keeps the two
 * equal).
 *
 * <ul>
 *   <li>Only gateway/persistence speaks SQL: no main class of scim-core, invites, app, the SDK, the TCK or a
 *   connector (bundled or example) names a table right after {@code FROM}, {@code JOIN}, {@code INTO},
 *   {@code UPDATE}, {@code TABLE} or {@code TRUNCATE} in a string. One module speaking SQL keeps bind parameters,
 *   cancellation, {@code tenant_id} filtering and migrations in one place. {@code benchmarks} is exempt: it is a
 *   load harness whose ceiling server and pgbench scripts are raw SQL against the schema by design (they measure
 *   what PostgreSQL can do without the gateway).</li>
 *   <li>Within persistence, each table has one owning package, and only that package writes it ({@code INSERT
 *   INTO}, {@code UPDATE}, {@code DELETE FROM}, {@code TRUNCATE}, {@code MERGE INTO}). Reads from other packages
 *   are allowed: a set-based statement may read another owner's table in a join (the invite statement reads
 *   {@code scim_group_members}, a group listing reads {@code scim_users}); only the owner changes it, so what a
 *   table may hold is decided in one place. A writer that needs to write another package's table in its own
 *   statement uses a statement part the owner gives it (the audit rows of a SCIM write:
 *   {@code AuditLog.auditCte}, {@code AuditLog.auditRowsCte}).</li>
 * </ul>
 *
 * <p>SQL is read from string literals and text blocks only (comments and prose are not SQL); the literals of a
 * file are read joined, so a table name split from its keyword by a concatenation is still found. Triggers in the
 * migrations are not Java and are not checked.
 */
class TableOwnershipTest {
  /** Table to the package of gateway/persistence ({@code io.scimgate.persistence.<package>}) that owns it. */
  static final Map<String, String> OWNERS = new TreeMap<>(Map.ofEntries(
      entry("tenants", "tenant"),
      entry("connections", "connection"),
      entry("scim_users", "resource"),
      entry("scim_groups", "resource"),
      entry("scim_group_members", "resource"),
      entry("audit_log", "audit"),
      entry("outbox_events", "pipeline"),
      entry("tenant_event_positions", "pipeline"),
      entry("personnel", "pipeline"),
      entry("personnel_history", "pipeline"),
      entry("person_identities", "pipeline"),
      entry("invitations", "pipeline"),
      entry("invitation_settings", "pipeline"),
      entry("invitation_tokens", "pipeline"),
      entry("auto_invite_settings", "pipeline"),
      entry("auto_invite_groups", "pipeline"),
      entry("webhook_endpoints", "pipeline"),
      entry("deliveries", "pipeline"),
      entry("portal_links", "portal"),
      entry("portal_sessions", "portal"),
      entry("scim_request_log", "requestlog"),
      entry("connection_activity", "requestlog"),
      entry("gateway_nodes", "cluster"),
      entry("schema_migrations", "migration")));

  /** Tables the migration runner creates itself (in Java, before any migration runs). */
  private static final Set<String> RUNNER_TABLES = Set.of("schema_migrations");

  private static final String PERSISTENCE = "gateway/persistence";
  private static final String PERSISTENCE_PACKAGES = PERSISTENCE + "/src/main/java/io/scimgate/persistence/";
  /** A load harness: raw SQL against the schema by design (see the class comment). */
  private static final String EXEMPT = "benchmarks";
  private static final Path MIGRATIONS = SourceTree.ROOT.resolve(PERSISTENCE
      + "/src/main/resources/db/migration");
  private static final Path ARCHITECTURE = SourceTree.ROOT.resolve("docs/architecture.md");

  private static final Pattern CREATE_TABLE = Pattern.compile(
      "(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:public\\.)?([a-z_][a-z0-9_]*)");
  private static final String TABLE_AFTER = "\\s+(?:ONLY\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(?:public\\.)?"
      + "\"?([a-z_][a-z0-9_]*)\\b";
  private static final Pattern NAMED = Pattern.compile(
      "(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)" + TABLE_AFTER);
  private static final Pattern WRITTEN = Pattern.compile(
      "(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?|MERGE\\s+INTO)" + TABLE_AFTER);
  /** A row of the architecture document's owners table: {@code | `table` | `package` | ...}. */
  private static final Pattern DOCUMENTED_OWNER = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| `([a-z]+)` \\|");

  @Test
  void everyTableOfTheMigrationsHasAnOwner() throws IOException {
    Set<String> tables = migrationTables();
    assertThat(tables).as("tables the migrations create").hasSizeGreaterThan(20).contains("personnel", "audit_log");
    Set<String> unowned = new TreeSet<>(tables);
    unowned.removeAll(OWNERS.keySet());
    assertThat(unowned).as("tables without an owner: add them to OWNERS and to docs/architecture.md"
        + "#tables-and-their-owners").isEmpty();
    Set<String> unknown = new TreeSet<>(OWNERS.keySet());
    unknown.removeAll(tables);
    unknown.removeAll(RUNNER_TABLES);
    assertThat(unknown).as("owners of tables no migration creates").isEmpty();
  }

  @Test
  void noModuleButPersistenceNamesATableInSql() throws IOException {
    Set<String> tables = allTables();
    List<String> problems = new ArrayList<>();
    for (Path file : SourceTree.mainSources()) {
      String module = SourceTree.module(file);
      if (module.equals(PERSISTENCE) || module.equals(EXEMPT)) {
        continue;
      }
      for (String table : tablesIn(NAMED, Files.readString(file), tables)) {
        problems.add(SourceTree.relative(file) + " names the table " + table + " in SQL: statements belong in "
            + PERSISTENCE + " (package " + OWNERS.get(table) + " owns " + table + ")");
      }
    }
    assertThat(problems).as("SQL outside gateway/persistence").isEmpty();
  }

  @Test
  void onlyTheOwningPackageWritesATable() throws IOException {
    Set<String> tables = allTables();
    List<String> problems = new ArrayList<>();
    for (Path file : SourceTree.mainSources()) {
      if (!SourceTree.module(file).equals(PERSISTENCE)) {
        continue;
      }
      String writer = persistencePackage(file);
      for (String table : tablesIn(WRITTEN, Files.readString(file), tables)) {
        if (!OWNERS.get(table).equals(writer)) {
          problems.add(SourceTree.relative(file) + " (package " + writer + ") writes the table " + table
              + ", which package " + OWNERS.get(table) + " owns: move the statement there, or use a statement part"
              + " the owner gives (docs/architecture.md#tables-and-their-owners)");
        }
      }
    }
    assertThat(problems).as("writes outside a table's owner").isEmpty();
  }

  @Test
  void theCheckReadsEveryModuleItShould() throws IOException {
    List<String> modules = SourceTree.mainSources().stream().map(SourceTree::module).distinct().toList();
    assertThat(modules).contains(PERSISTENCE, "gateway/scim-core", "gateway/invites", "gateway/app",
        "connectors/connectors-api", "connectors/connectors-tck", "connectors/examples/jumpcloud-connector",
        "plugins/idp-okta", "plugins/idp-azure-ad", "plugins/idp-onelogin", "plugins/idp-custom", EXEMPT);
    assertThat(SourceTree.mainSources()).contains(SourceTree.ROOT.resolve(PERSISTENCE_PACKAGES
        + "pipeline/PendingEvents.java"));
  }

  @Test
  void theArchitectureDocumentListsTheSameOwners() throws IOException {
    String doc = Files.readString(ARCHITECTURE);
    int section = doc.indexOf("\n## Tables and their owners");
    assertThat(section).as("docs/architecture.md has a section 'Tables and their owners'").isPositive();
    int end = doc.indexOf("\n## ", section + 1);
    Map<String, String> documented = new TreeMap<>();
    Matcher row = DOCUMENTED_OWNER.matcher(doc.substring(section, end < 0 ? doc.length() : end));
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    assertThat(documented).isEqualTo(OWNERS);
  }

  /** What the check finds, and what it leaves alone (prose, comments, column and CTE names). */
  @Test
  void theCheckFindsTablesInSqlButNotInProseOrComments() {
    Set<String> tables = Set.of("personnel", "deliveries", "audit_log", "scim_users");
    String held = """
        class Held {
          String a = "SELECT 1 FROM personnel";
          String b = "WITH x AS (UPDATE deliveries d SET status = 'sent') SELECT 1";
          String c = "INSERT INTO" + " audit_log (actor) VALUES ($1)";
          String d = \"""
              select id from scim_users where active
              \""";
        }
        """;
    assertThat(tablesIn(NAMED, held, tables)).containsExactly("audit_log", "deliveries", "personnel", "scim_users");
    assertThat(tablesIn(WRITTEN, held, tables)).containsExactly("audit_log", "deliveries");
    String clean = """
        class Clean {
          // SELECT 1 FROM personnel: a comment, not SQL
          /** Reads from deliveries and updates personnel. */
          String message = "Remove the person from the review, then update the list";
          String other = "SELECT 1 FROM personnel_history_view FOR UPDATE OF p";
          String upsert = "ON CONFLICT (id) DO UPDATE SET status = 'sent'";
        }
        """;
    assertThat(tablesIn(NAMED, clean, tables)).isEmpty();
    assertThat(tablesIn(WRITTEN, clean, tables)).isEmpty();
  }

  /**
   * The known tables that follow {@code keyword} in the file's string literals, sorted. A message in prose that
   * happens to put a table's name after one of the keywords ("removed from personnel") reads as SQL too: rare, and
   * the failure names the file and the table.
   */
  private static Set<String> tablesIn(Pattern keyword, String source, Set<String> tables) {
    String sql = String.join("\n", JavaSource.of(source).literals());
    Set<String> found = new TreeSet<>();
    Matcher matcher = keyword.matcher(sql);
    while (matcher.find()) {
      String name = matcher.group(1).toLowerCase();
      if (tables.contains(name)) {
        found.add(name);
      }
    }
    return found;
  }

  /** The persistence package a main source file of gateway/persistence is in ({@code ""} for the root package). */
  private static String persistencePackage(Path file) {
    String path = SourceTree.relative(file).substring(PERSISTENCE_PACKAGES.length());
    int slash = path.indexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static Set<String> allTables() throws IOException {
    Set<String> tables = new TreeSet<>(migrationTables());
    tables.addAll(RUNNER_TABLES);
    return tables;
  }

  private static Set<String> migrationTables() throws IOException {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
        Matcher create = CREATE_TABLE.matcher(Files.readString(file));
        while (create.find()) {
          tables.add(create.group(1).toLowerCase());
        }
      }
    }
    return tables;
  }
}
