package io.scimgate.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class of gateway/app builds SQL text or knows a placeholder number: SQL lives in gateway/persistence, where
 * each statement has one owner (list queries: {@code persistence/query/ListStatements}). The app hands the
 * repositories values (such as a {@code ResourceQuery}) and gets values back.
 */
class NoSqlInAppTest {
  private static final Path MAIN_SOURCES = Path.of("src/main/java");

  /** SQL in a string literal or text block (upper case, as this code base writes SQL; prose is not). */
  private static final Pattern SQL_TEXT = Pattern.compile("\\b(SELECT|INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|FROM"
      + "|WHERE|ORDER\\s+BY|GROUP\\s+BY|RETURNING|ON\\s+CONFLICT|CREATE|ALTER|DROP|TRUNCATE|LISTEN|NOTIFY)\\s");
  /** A bind placeholder ($2, ($2::uuid, = $3)); not a regex group reference such as {$1} or $1:***@. */
  private static final Pattern PLACEHOLDER = Pattern.compile("(?:^|[\\s(,=<>\\[])\\$\\d+(?:$|[\\s),\\]]|::)");
  /**
   * Code that builds or runs statements: the statement types of the SQL client, the SQL builders of
   * persistence/query (the app may name only its values), and running a statement.
   */
  private static final Pattern SQL_CODE = Pattern.compile("\\bio\\.vertx\\.sqlclient\\.(Tuple|Row|RowSet"
      + "|RowIterator|SqlClient|SqlConnection|PreparedQuery|PreparedStatement|Query|Transaction)\\b"
      + "|\\bio\\.scimgate\\.persistence\\.query\\.(?!(?:ResourceQuery|KeysetPosition)\\b)(\\w+|\\*)"
      + "|\\.preparedQuery\\(|\\.query\\(\\s*\"");

  @Test
  void noMainClassOfTheAppHoldsSqlOrPlaceholders() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : mainSources()) {
      problems(Files.readString(file)).forEach(problem -> problems.add(MAIN_SOURCES.relativize(file) + ": "
          + problem));
    }
    assertThat(problems).as("SQL belongs in gateway/persistence").isEmpty();
  }

  @Test
  void theCheckReadsEveryMainSource() throws IOException {
    assertThat(mainSources()).hasSizeGreaterThan(100)
        .contains(MAIN_SOURCES.resolve("io/scimgate/app/scim/UserOperations.java"),
            MAIN_SOURCES.resolve("io/scimgate/app/observability/BacklogSampler.java"));
  }

  /** The check finds what the app once held, and leaves prose, comments and regex replacements alone. */
  @Test
  void theCheckFindsSqlInStringsAndCodeButNotInCommentsOrProse() {
    String held = """
        import io.scimgate.persistence.query.SortSql;
        import io.vertx.sqlclient.Tuple;
        class Held {
          // SELECT in a comment, and NOTIFY too
          /* DELETE FROM in a block comment */
          String order = SortSql.users(sortBy, descending, 2 + where.params().size());
          String keyset = "(created_at, id) > ($" + first + "::timestamptz, $2::uuid)";
          String ready = "SELECT 1";
          String block = \"""
              UPDATE scim_users SET active = false
              \""";
          void run() { pool.preparedQuery(SQL); admin.query("CREATE DATABASE " + NAME); }
        }
        """;
    assertThat(problems(held)).hasSize(8)
        .anyMatch(problem -> problem.endsWith("io.scimgate.persistence.query.SortSql"))
        .anyMatch(problem -> problem.contains("$2::uuid"))
        .anyMatch(problem -> problem.contains("UPDATE scim_users SET"));
    String clean = """
        import io.scimgate.persistence.query.ResourceQuery;
        import io.scimgate.persistence.query.KeysetPosition;
        class Clean {
          // SELECT 1 is what the readiness probe sends (see Database.ping)
          String masked = url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@");
          String template = path.replaceAll(":([A-Za-z0-9_$]+)", "{$1}");
          String message = "Use either startIndex or cursor, not both: select one";
          char quote = '"';
          String query = ctx.request().query();
          ResourceQuery page = listing.pageQuery(request, query, offset, limit, true);
        }
        """;
    assertThat(problems(clean)).isEmpty();
  }

  private static List<String> problems(String source) {
    JavaSource java = JavaSource.of(source);
    List<String> problems = new ArrayList<>();
    for (String literal : java.literals()) {
      if (SQL_TEXT.matcher(literal).find() || PLACEHOLDER.matcher(literal).find()) {
        problems.add("SQL in a string: \"" + literal.strip() + "\"");
      }
    }
    Matcher code = SQL_CODE.matcher(java.code());
    while (code.find()) {
      problems.add("SQL in code: " + code.group());
    }
    return problems;
  }

  private static List<Path> mainSources() throws IOException {
    try (Stream<Path> walk = Files.walk(MAIN_SOURCES)) {
      return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
    }
  }
}
