package io.scimgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimgate.persistence.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** start-dev's database is created on the local server once; a name that is not a plain identifier never runs. */
class DatabaseCreationTest {
  private final String name = "scimgate_test_created_" + UUID.randomUUID().toString().substring(0, 8);
  private Vertx vertx;
  private Pool admin;

  @BeforeEach
  void connect() {
    vertx = Vertx.vertx();
    admin = Database.pool(vertx, TestDatabase.adminUrl(), 1);
  }

  @AfterEach
  void dropAndClose() {
    // the name is generated above from hex digits only
    admin.query("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").execute().await();
    admin.close().await();
    vertx.close().await();
  }

  @Test
  void createsTheDatabaseOnceThenFindsIt() {
    assertThat(exists(name)).isFalse();
    DatabaseCreation.createIfMissing(vertx, TestDatabase.adminUrl(), name);
    assertThat(exists(name)).isTrue();
    DatabaseCreation.createIfMissing(vertx, TestDatabase.adminUrl(), name);
    assertThat(exists(name)).isTrue();
  }

  @Test
  void refusesANameThatIsNotAPlainIdentifier() {
    for (String bad : new String[] {name + "; DROP DATABASE postgres", "Upper", "", "a-b", "x".repeat(64)}) {
      assertThatThrownBy(() -> DatabaseCreation.createIfMissing(vertx, TestDatabase.adminUrl(), bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(exists(name)).isFalse();
  }

  private boolean exists(String database) {
    return admin.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1").execute(Tuple.of(database)).await()
        .size() > 0;
  }
}
