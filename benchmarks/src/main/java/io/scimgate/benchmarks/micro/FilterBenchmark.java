package io.scimgate.benchmarks.micro;

import io.scimgate.persistence.query.ListStatements;
import io.scimgate.persistence.query.ResourceQuery;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterParser;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What every IdP lookup costs before it reaches PostgreSQL: parsing the {@code filter} parameter
 * ({@link FilterParser}) and translating the AST into the parameterised statements of a user list, the page and
 * its count ({@link ListStatements#users}, as the user repository builds them). Pure string work, no database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {
  private static final UUID CONNECTION = UUID.randomUUID();

  @Param({"userName", "externalId", "complex"})
  public String filter;

  private String text;
  private Filter parsed;

  @Setup
  public void setUp() {
    text = Fixtures.FILTERS.get(filter);
    parsed = FilterParser.parse(text);
  }

  @Benchmark
  public Filter parse() {
    return FilterParser.parse(text);
  }

  /** The AST is parsed once: this measures the translation alone (a first page of 100, the default order). */
  @Benchmark
  public ListStatements toSql() {
    return ListStatements.users(CONNECTION, new ResourceQuery(parsed, null, false, null, 0, 100, false), "id");
  }
}
