package io.scimgate.persistence.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.filter.CompareOperator;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterVisitor;
import io.scimgate.scim.json.StorableText;
import io.scimgate.scim.schema.AttributeDefinition;
import io.scimgate.scim.schema.AttributeType;
import io.scimgate.scim.schema.CoreSchemas;
import io.scimgate.scim.schema.ResourceType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * Translates a SCIM filter (RFC 7644 §3.4.2.2, the whole grammar) into one parameterised SQL condition over
 * {@code scim_users} or {@code scim_groups}. Values, JSON keys and patterns travel only as bind parameters.
 *
 * <p>Attributes with a column of their own use it, so that {@code userName eq}, {@code externalId eq},
 * {@code id eq}, {@code displayName eq}, {@code emails.value eq} and {@code meta.lastModified gt} are index
 * lookups; group {@code members.value} and user {@code groups.value} use the membership table; every other
 * attribute is a JSONB expression. Every leaf is a non-null boolean, so {@code not (...)} of an absent
 * attribute behaves as SCIM says (an absent value equals nothing). Strings fold case unless the attribute is
 * {@code caseExact}; ordering comparisons use the C collation (code-point order, as Java compares).
 */
final class FilterSql implements FilterVisitor<String> {
  private static final Map<String, Column> USER_COLUMNS = Map.of(
      "username", new Column("user_name", Column.Kind.TEXT, true),
      "externalid", new Column("external_id", Column.Kind.TEXT, false),
      "displayname", new Column("display_name", Column.Kind.TEXT, true),
      "id", new Column("id", Column.Kind.UUID, false),
      "active", new Column("active", Column.Kind.BOOLEAN, false),
      "meta.created", new Column("created_at", Column.Kind.TIMESTAMP, false),
      "meta.lastmodified", new Column("modified_at", Column.Kind.TIMESTAMP, false),
      "emails.value", new Column("emails_folded", Column.Kind.TEXT_ARRAY, true),
      "groups.value", new Column("id", Column.Kind.MEMBERSHIP_OF_USER, false));
  private static final Map<String, Column> GROUP_COLUMNS = Map.of(
      "displayname", new Column("display_name", Column.Kind.TEXT, true),
      "externalid", new Column("external_id", Column.Kind.TEXT, false),
      "id", new Column("id", Column.Kind.UUID, false),
      "meta.created", new Column("created_at", Column.Kind.TIMESTAMP, false),
      "meta.lastmodified", new Column("modified_at", Column.Kind.TIMESTAMP, false),
      "members.value", new Column("id", Column.Kind.MEMBERSHIP_OF_GROUP, false));

  /**
   * {@code co}/{@code sw}/{@code ew} on an attribute without a column of its own scan every row's JSON document
   * (no index can serve them): a filter may hold a few such terms, with short values, so that one search
   * cannot run for a minute.
   */
  static final int MAX_UNINDEXED_PATTERNS = 4;
  static final int MAX_PATTERN_LENGTH = 256;

  private final ResourceType type;
  private final Map<String, Column> columns;
  private final Placeholders placeholders;
  private int unindexedPatterns;

  private FilterSql(ResourceType type, Map<String, Column> columns, Placeholders placeholders) {
    this.type = type;
    this.columns = columns;
    this.placeholders = placeholders;
  }

  /** The condition over {@code scim_users}; its values are bound to {@code placeholders}. */
  static String users(Filter filter, Placeholders placeholders) {
    return translate(new FilterSql(CoreSchemas.USER_TYPE, USER_COLUMNS, placeholders), filter);
  }

  /** The condition over {@code scim_groups}; its values are bound to {@code placeholders}. */
  static String groups(Filter filter, Placeholders placeholders) {
    return translate(new FilterSql(CoreSchemas.GROUP_TYPE, GROUP_COLUMNS, placeholders), filter);
  }

  private static String translate(FilterSql sql, Filter filter) {
    return filter == null ? "TRUE" : filter.accept(sql);
  }

  @Override
  public String visitAnd(Filter.And and) {
    return "(" + and.left().accept(this) + " AND " + and.right().accept(this) + ")";
  }

  @Override
  public String visitOr(Filter.Or or) {
    return "(" + or.left().accept(this) + " OR " + or.right().accept(this) + ")";
  }

  /** Leaves may be NULL where an attribute is absent; that means "no match", also under {@code not}. */
  @Override
  public String visitNot(Filter.Not not) {
    return "(NOT coalesce(" + not.inner().accept(this) + ", false))";
  }

  @Override
  public String visitPresent(Filter.Present present) {
    return leaf(present.path(), null, null);
  }

  @Override
  public String visitComparison(Filter.Comparison comparison) {
    return leaf(comparison.path(), comparison.op(), comparison.value());
  }

  /** {@code emails[type eq "work" and value co "@example.com"]}: one element satisfies the whole inner filter. */
  @Override
  public String visitValuePath(Filter.ValuePath valuePath) {
    Attribute attribute = Attribute.resolve(type, valuePath.path());
    if (!attribute.definition().multiValued() || attribute.sub() != null) {
      throw ScimException.invalidFilter("'" + valuePath.path() + "[...]' needs a multi-valued attribute");
    }
    if (attribute.definition().name().equals("members") || attribute.definition().name().equals("groups")) {
      throw ScimException.invalidFilter("Filter " + attribute.definition().name() + " with "
          + attribute.definition().name() + ".value eq \"<id>\"");
    }
    ElementFilterSql inner = new ElementFilterSql(attribute.definition(), this);
    return "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(doc #> " + param(attribute.jsonPath())
        + "::text[]) = 'array' THEN doc #> " + param(attribute.jsonPath()) + "::text[] ELSE '[]'::jsonb END) AS e WHERE "
        + valuePath.inner().accept(inner) + ")";
  }

  /** One comparison ({@code op} and {@code value} null: {@code pr}) on an attribute path. */
  private String leaf(AttributePath path, CompareOperator op, JsonNode value) {
    if (path.schemaUrn() == null && path.attribute().equalsIgnoreCase("schemas") && path.subAttribute() == null) {
      return schemas(op, value);
    }
    Attribute attribute = Attribute.resolve(type, path);
    Column column = columns.get(attribute.columnKey());
    String onColumn = column == null ? null : ColumnComparison.of(this, column, op, value);
    if (onColumn != null) {
      return onColumn;
    }
    if (attribute.definition().multiValued()) {
      AttributeDefinition element = attribute.elementValue();
      String condition = Comparisons.of(this, attribute.elementExpression(this), element, op, value);
      return "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(doc #> "
          + param(attribute.jsonPath()) + "::text[]) = 'array' THEN doc #> " + param(attribute.jsonPath())
          + " ELSE '[]'::jsonb END) AS e WHERE " + condition + ")";
    }
    AttributeDefinition target = attribute.sub() != null ? attribute.sub() : attribute.definition();
    return Comparisons.of(this, "(doc #>> " + param(attribute.jsonPath()) + "::text[])", target, op, value);
  }

  private String schemas(CompareOperator op, JsonNode value) {
    if (op == null) {
      return "TRUE";
    }
    if (op != CompareOperator.EQ || !value.isTextual()) {
      throw ScimException.invalidFilter("'schemas' supports only eq with a schema URI");
    }
    return "(doc -> 'schemas' ? " + param(value.asText()) + "::text)";
  }

  /** Counts a {@code co}/{@code sw}/{@code ew} term on a JSON attribute against the cost bound. */
  void unindexedPattern(String attribute, String value) {
    if (++unindexedPatterns > MAX_UNINDEXED_PATTERNS) {
      throw ScimException.invalidFilter("A filter may hold at most " + MAX_UNINDEXED_PATTERNS + " co, sw or ew "
          + "terms on attributes other than userName, externalId, displayName and emails.value");
    }
    if (value.length() > MAX_PATTERN_LENGTH) {
      throw ScimException.invalidFilter("The value of a co, sw or ew term on '" + attribute + "' may be at most "
          + MAX_PATTERN_LENGTH + " characters long");
    }
  }

  /** Adds a bind parameter; the placeholder for it. */
  String param(Object value) {
    if (value instanceof String text && StorableText.problem(text) != null) {
      // PostgreSQL text cannot hold it: bad input, not a server error
      throw ScimException.invalidFilter("Filter values " + StorableText.problem(text));
    }
    return placeholders.bind(value);
  }

  static UUID uuidOrNull(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static OffsetDateTime dateTime(JsonNode value) {
    if (!value.isTextual()) {
      throw ScimException.invalidFilter("A dateTime is compared with a string such as \"2026-01-31T12:00:00Z\"");
    }
    try {
      return OffsetDateTime.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw ScimException.invalidFilter("'" + value.asText() + "' is not a dateTime (e.g. 2026-01-31T12:00:00Z)");
    }
  }

  static boolean isText(AttributeType type) {
    return type == AttributeType.STRING || type == AttributeType.REFERENCE || type == AttributeType.BINARY;
  }
}
