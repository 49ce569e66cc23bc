package io.scimgate.persistence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.testing.MigratedDatabase;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a SCIM user finds its person, against a real PostgreSQL: the key, and two connections creating the same
 * person in two transactions at once, as two nodes would without the relay's tenant lock.
 */
class PersonMatchingTest {
  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(4);
  private static Vertx vertx;
  private static Pool pool;
  private static UUID tenant;

  @BeforeAll
  static void start() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
    tenant = UUID.randomUUID();
    pool.preparedQuery("INSERT INTO tenants (id, name) VALUES ($1, 'Acme')").execute(Tuple.of(tenant))
        .await(10, TimeUnit.SECONDS);
  }

  @Test
  void theKeyIsTheEmailLowerCasedAndTrimmedElseAnEmailLikeUserNameElseTheUserItself() throws Exception {
    UUID user = UUID.randomUUID();
    assertThat(key(" Ann.Lee@ACME.example ", "whatever", user)).isEqualTo("email:ann.lee@acme.example");
    assertThat(key(null, "  Ann.Lee@Acme.Example", user)).isEqualTo("email:ann.lee@acme.example");
    assertThat(key("", "ann.lee@acme.example", user)).isEqualTo("email:ann.lee@acme.example");
    assertThat(key("n/a", "ann.lee@acme.example", user)).as("not an address").isEqualTo("email:ann.lee@acme.example");
    assertThat(key("n/a", "jdoe", user)).isEqualTo("user:" + user);
    assertThat(key(null, "jdoe", user)).isEqualTo("user:" + user);
    assertThat(key("two words@acme.example", "a@b@c", user)).isEqualTo("user:" + user);
  }

  @Test
  void twoConnectionsCreatingTheSamePersonAtOnceEndWithOnePerson() throws Exception {
    SqlConnection first = pool.getConnection().await(10, TimeUnit.SECONDS);
    SqlConnection second = pool.getConnection().await(10, TimeUnit.SECONDS);
    try {
      Transaction firstTx = first.begin().await(10, TimeUnit.SECONDS);
      Transaction secondTx = second.begin().await(10, TimeUnit.SECONDS);
      UUID oktaUser = UUID.randomUUID();
      UUID entraUser = UUID.randomUUID();
      PersonnelUpdates.upsert(first, created(oktaUser, "Sam.Wu@Acme.example")).await(10, TimeUnit.SECONDS);
      // the first person is not committed yet: the second insert of the same key waits on the unique index
      Future<PersonnelUpdates.StatusChange> racing = PersonnelUpdates.upsert(second,
          created(entraUser, "sam.wu@acme.EXAMPLE"));
      Thread.sleep(300);
      assertThat(racing.isComplete()).as("waits for the first transaction").isFalse();
      firstTx.commit().await(10, TimeUnit.SECONDS);
      assertThat(racing.await(10, TimeUnit.SECONDS).becameDeprovisioned()).isFalse();
      secondTx.commit().await(10, TimeUnit.SECONDS);

      assertThat(sql("SELECT count(*) FROM personnel WHERE tenant_id = $1 AND match_key = $2", tenant,
          "email:sam.wu@acme.example")).isEqualTo("1");
      assertThat(sql("SELECT count(DISTINCT person_id) || '/' || count(*) FROM person_identities"
          + " WHERE user_id = ANY($1)", (Object) new UUID[] {oktaUser, entraUser})).isEqualTo("1/2");
      assertThat(sql("SELECT string_agg(h.status, ',') FROM personnel_history h JOIN person_identities i"
          + " ON i.person_id = h.person_id WHERE i.user_id = $1", oktaUser)).isEqualTo("imported");
    } finally {
      first.close();
      second.close();
    }
  }

  private static OutboxEvent created(UUID user, String email) {
    return new OutboxEvent(1, tenant, UUID.randomUUID(), "user.created", user, ScimJson.object()
        .put("userName", email).put("email", email).put("displayName", "Sam Wu").put("active", true), Instant.now());
  }

  private static String key(String email, String userName, UUID user) throws Exception {
    return sql("SELECT scimgate_person_key($1, $2, $3)", email, userName, user);
  }

  private static String sql(String query, Object... params) throws Exception {
    var rows = pool.preparedQuery(query).execute(Tuple.wrap(params)).await(10, TimeUnit.SECONDS);
    Object value = rows.iterator().next().getValue(0);
    return value == null ? null : value.toString();
  }
}
