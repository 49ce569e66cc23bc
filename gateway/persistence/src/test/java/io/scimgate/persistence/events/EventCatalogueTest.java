package io.scimgate.persistence.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.testing.MigratedDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The triggers emit only catalogued types, each from the function the catalogue names, and every type the
 * catalogue gives a trigger is emitted by it. The trigger functions' source is read from {@code pg_proc} after
 * all migrations ran, so a later migration that replaces a function is checked as it really is.
 */
class EventCatalogueTest {
  /** A SQL string literal shaped like an event type: {@code 'user.created'}, {@code 'group.members_added'}. */
  private static final Pattern TYPE_LITERAL = Pattern.compile("'([a-z]+\\.[a-z_]+)'");

  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(2);
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void migrate() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
  }

  @Test
  void everyTriggerEmitsExactlyTheTypesTheCatalogueGivesIt() throws Exception {
    Map<String, Set<String>> emitted = emittedByTriggerFunction();
    Map<String, Set<String>> catalogued = Arrays.stream(EventType.values())
        .filter(type -> type.producer().triggerFunction() != null)
        .collect(Collectors.groupingBy(type -> type.producer().triggerFunction(), TreeMap::new,
            Collectors.mapping(EventType::wireName, Collectors.toCollection(TreeSet::new))));
    assertThat(emitted).as("type literals in the source of every trigger function").isEqualTo(catalogued);
  }

  @Test
  void theCatalogueHoldsTogether() {
    for (EventType type : EventType.values()) {
      assertThat(type.wireName()).as(type.name()).matches("[a-z]+\\.[a-z_]+");
      assertThat(type.payload()).as(type + " payload").isNotEmpty().doesNotHaveDuplicates();
      if (type.renderedFrom() != null) {
        assertThat(type.renderedFrom().stored()).as(type + " comes from a stored type").isTrue();
        assertThat(type.stored()).isFalse();
      }
      if (type.publishedTo(Channel.EVENTS_API)) {
        assertThat(type.storedAs()).as(type + ": the events API reads outbox rows").isNotNull();
      }
    }
    assertThat(EventType.servedByEventsApi()).extracting(EventType::wireName)
        .contains("user.created", "group.renamed", "group.member_added")
        .doesNotContain("group.members_added", "invites.settings_changed", "personnel.invited");
  }

  /** Trigger function name to the event-type literals in its source, for every function a trigger runs. */
  private static Map<String, Set<String>> emittedByTriggerFunction() throws Exception {
    Map<String, Set<String>> emitted = new TreeMap<>();
    for (Row row : pool.query("SELECT DISTINCT p.proname, p.prosrc FROM pg_trigger t"
        + " JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal").execute().await(10, TimeUnit.SECONDS)) {
      Set<String> types = new TreeSet<>();
      Matcher literal = TYPE_LITERAL.matcher(row.getString("prosrc"));
      while (literal.find()) {
        types.add(literal.group(1));
      }
      if (!types.isEmpty()) {
        emitted.put(row.getString("proname"), types);
      }
    }
    return emitted;
  }
}
