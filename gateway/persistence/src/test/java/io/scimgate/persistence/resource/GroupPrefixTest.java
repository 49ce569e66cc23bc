package io.scimgate.persistence.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.connection.ConnectionRepository;
import io.scimgate.persistence.connection.AdminConnectionSettings;
import io.scimgate.persistence.testing.MigratedDatabase;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A connection's group prefix change renames its groups' product-side names at once, and a group write made with
 * the prefix the connection had before (a node whose view was not refreshed yet) stores the new one.
 */
class GroupPrefixTest {
  private static final String OKTA = "Okta SCIM - ";
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(2);
  private static Vertx vertx;
  private static Pool pool;
  private static GroupRepository groups;
  private static ConnectionRepository connections;
  private static UUID tenant;

  @BeforeAll
  static void start() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    groups = new GroupRepository(pool);
    connections = new ConnectionRepository(pool);
    tenant = UUID.randomUUID();
    pool.preparedQuery("INSERT INTO tenants (id, name) VALUES ($1, 'prefixes')").execute(Tuple.of(tenant)).await();
  }

  @Test
  void aPrefixChangeRenamesEveryGroupOfTheConnectionAndNothingElse() {
    UUID connection = connection();
    UUID other = connection();
    StoredGroup engineering = create(connection, OKTA, "Engineering");
    create(connection, OKTA, "Sales");
    StoredGroup elsewhere = create(other, OKTA, "Engineering");

    rename(connection, "Acme IT - ");

    assertThat(productNames(connection)).containsExactlyInAnyOrder("Acme IT - Engineering", "Acme IT - Sales");
    assertThat(productNames(other)).containsExactly(OKTA + "Engineering");
    StoredGroup after = groups.get(connection, engineering.resource().id(), false).await();
    assertThat(after.resource().version()).as("the SCIM side did not change").isEqualTo(1);
    assertThat(after.resource().lastModified()).isEqualTo(engineering.resource().lastModified());
    assertThat(after.resource().doc().get("displayName").asText()).isEqualTo("Engineering");

    List<Row> events = renamedEvents(connection);
    assertThat(events).hasSize(2);
    Row event = events.stream().filter(row -> row.getUUID("resource_id").equals(engineering.resource().id()))
        .findFirst().orElseThrow();
    ObjectNode data = (ObjectNode) ScimJson.parse(event.getString("data"));
    assertThat(data.get("oldProductName").asText()).isEqualTo(OKTA + "Engineering");
    assertThat(data.get("productName").asText()).isEqualTo("Acme IT - Engineering");
    assertThat(data.get("oldDisplayName").asText()).isEqualTo("Engineering");
    assertThat(data.get("displayName").asText()).isEqualTo("Engineering");
    assertThat(renamedEvents(other)).isEmpty();
    assertThat(elsewhere.productName()).isEqualTo(OKTA + "Engineering");

    rename(connection, "Acme IT - ");
    assertThat(renamedEvents(connection)).as("the same prefix again renames nothing").hasSize(2);
  }

  @Test
  void writesMadeWithTheOldPrefixStoreTheNewOne() {
    UUID connection = connection();
    StoredGroup existing = create(connection, OKTA, "Existing");
    rename(connection, "New - ");

    StoredGroup late = create(connection, OKTA, "Late");
    assertThat(late.productName()).isEqualTo("New - Late");
    StoredGroup replaced = groups.replace(existing.resource().id(), doc("Existing again"),
        new ProductName(OKTA, OKTA + "Existing again"), null, null, audit(connection)).await();
    assertThat(replaced.productName()).isEqualTo("New - Existing again");
    StoredGroup odd = create(connection, OKTA, "Odd", "Vendor X / Odd");
    assertThat(odd.productName()).as("a name without the prefix it claims is kept").isEqualTo("Vendor X / Odd");
  }

  private static UUID connection() {
    UUID id = UUID.randomUUID();
    connections.create(id, "okta", new AdminConnectionSettings("c", OKTA, Map.of()), "fingerprint", audit(id)).await();
    return id;
  }

  private static void rename(UUID connection, String prefix) {
    connections.updateSettings(tenant, connection, new AdminConnectionSettings("c", prefix, Map.of()),
        audit(connection)).await();
  }

  private static StoredGroup create(UUID connection, String prefix, String displayName) {
    return create(connection, prefix, displayName, prefix + displayName);
  }

  private static StoredGroup create(UUID connection, String prefix, String displayName, String productName) {
    return groups.create(UUID.randomUUID(), doc(displayName), new ProductName(prefix, productName), List.of(),
        audit(connection)).await();
  }

  private static ObjectNode doc(String displayName) {
    ObjectNode doc = ScimJson.object().put("displayName", displayName);
    doc.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
    return doc;
  }

  private static List<String> productNames(UUID connection) {
    return pool.preparedQuery("SELECT product_name FROM scim_groups WHERE connection_id = $1")
        .execute(Tuple.of(connection)).await().stream().map(row -> row.getString(0)).toList();
  }

  private static List<Row> renamedEvents(UUID connection) {
    return pool.preparedQuery("SELECT resource_id, data::text AS data FROM outbox_events"
            + " WHERE connection_id = $1 AND type = 'group.renamed'")
        .execute(Tuple.of(connection)).await().stream().toList();
  }

  private static AuditContext audit(UUID connection) {
    return new AuditContext(tenant, connection, "test", "request");
  }
}
