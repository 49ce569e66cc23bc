package io.scimgate.persistence.query;

/**
 * An attribute with a column of its own (and an index), rather than a JSONB expression.
 *
 * @param sql    the column, qualified by the resource table's alias-free name
 * @param kind   how values compare
 * @param folded whether comparisons fold case (RFC 7643 {@code caseExact: false})
 */
record Column(String sql, Kind kind, boolean folded) {
  enum Kind { TEXT, UUID, BOOLEAN, TIMESTAMP, TEXT_ARRAY, MEMBERSHIP_OF_GROUP, MEMBERSHIP_OF_USER }
}
