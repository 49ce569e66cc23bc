package io.scimgate.persistence;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** Small helpers for reading rows and recognising PostgreSQL errors. */
public final class Rows {
  /** SQLSTATE 23505. */
  public static final String UNIQUE_VIOLATION = "23505";
  /** SQLSTATE 23503. */
  public static final String FOREIGN_KEY_VIOLATION = "23503";

  private Rows() {}

  public static Instant instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }

  /** The first row mapped, or {@code null} when there is none. */
  public static <T> T firstOrNull(RowSet<Row> rows, Function<Row, T> mapper) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? mapper.apply(iterator.next()) : null;
  }

  public static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  public static boolean isForeignKeyViolation(Throwable failure) {
    return failure instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState());
  }
}
