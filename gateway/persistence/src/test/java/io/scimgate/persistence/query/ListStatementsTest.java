package io.scimgate.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.FilterParser;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The placeholders of a list statement are numbered by one allocator: whatever the filter, the position and the
 * sort bind, the page uses exactly {@code $1..$n} for its n parameters, and the count the first ones of them.
 * (That the statements run, and run on the indexes, is {@code IndexUsageTest}'s and the app's SCIM tests' part.)
 */
class ListStatementsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
  private static final UUID CONNECTION = UUID.randomUUID();
  private static final String FILTER = "userName sw \"a\" and (emails[type eq \"work\" and value co \"@x\"]"
      + " or title eq \"Boss\") and meta.lastModified gt \"2026-01-01T00:00:00Z\"";

  @Test
  void everyPartTakesTheNextPlaceholders() {
    ResourceQuery query = new ResourceQuery(FilterParser.parse(FILTER), "emails", true, null, 20, 10, false);
    ListStatements statements = ListStatements.users(CONNECTION, query, "id");
    assertNumberedFromOne(statements.page());
    assertNumberedFromOne(statements.count());
    assertThat(values(statements.page().params())).startsWith(values(statements.count()).toArray())
        .endsWith(20, 10);
    assertThat(statements.page().params().getValue(0)).isEqualTo(CONNECTION);
  }

  @Test
  void aPositionFollowsTheFilterAndTheCountLeavesItOut() {
    KeysetPosition position = new KeysetPosition(Instant.parse("2026-03-01T10:00:00.123456Z"), UUID.randomUUID());
    ResourceQuery query = new ResourceQuery(FilterParser.parse("displayName eq \"Sales\""), null, false, position,
        0, 51, true);
    ListStatements statements = ListStatements.groups(CONNECTION, query, "id");
    assertNumberedFromOne(statements.page());
    assertThat(statements.page().sql()).contains("(created_at, id) > ($3::timestamptz, $4::uuid)")
        .endsWith("ORDER BY created_at, id OFFSET $5 LIMIT $6");
    assertThat(statements.count().sql()).doesNotContain("created_at").contains("FROM scim_groups");
    assertThat(statements.count().params().size()).isEqualTo(2);
  }

  @Test
  void noFilterMatchesTheWholeConnection() {
    ListStatements statements = ListStatements.users(CONNECTION,
        new ResourceQuery(null, null, false, null, 0, 100, false), "id");
    assertThat(statements.page().sql())
        .isEqualTo("SELECT id FROM scim_users WHERE connection_id = $1 AND (TRUE) ORDER BY created_at, id"
            + " OFFSET $2 LIMIT $3");
    assertThat(statements.count().sql()).isEqualTo("SELECT count(*) FROM scim_users WHERE connection_id = $1"
        + " AND (TRUE)");
  }

  @Test
  void aFilterOrSortTheSchemaRefusesIsA400BeforeAnyStatement() {
    assertThatThrownBy(() -> ListStatements.users(CONNECTION,
        new ResourceQuery(FilterParser.parse("nickName2 eq \"x\""), null, false, null, 0, 1, false), "id"))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> ListStatements.groups(CONNECTION,
        new ResourceQuery(null, "userName", false, null, 0, 1, false), "id"))
        .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail()).startsWith("sortBy: "));
  }

  @Test
  void aPositionPagesTheDefaultOrderOnly() {
    KeysetPosition position = new KeysetPosition(Instant.now(), UUID.randomUUID());
    assertThatThrownBy(() -> new ResourceQuery(null, "userName", false, position, 0, 1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ResourceQuery(null, null, false, position, 5, 1, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The text names $1..$n, each at least once, and nothing else, for its n parameters. */
  private static void assertNumberedFromOne(ListStatements.Statement statement) {
    TreeSet<Integer> used = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(statement.sql());
    while (matcher.find()) {
      used.add(Integer.parseInt(matcher.group(1)));
    }
    assertThat(used).as(statement.sql()).hasSize(statement.params().size());
    assertThat(used.isEmpty() || (used.first() == 1 && used.last() == statement.params().size()))
        .as(statement.sql()).isTrue();
  }

  private static List<Object> values(ListStatements.Statement statement) {
    return values(statement.params());
  }

  private static List<Object> values(Tuple tuple) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < tuple.size(); i++) {
      values.add(tuple.getValue(i));
    }
    return values;
  }
}
