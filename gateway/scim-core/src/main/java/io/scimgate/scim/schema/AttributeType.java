package io.scimgate.scim.schema;

/** RFC 7643 §2.3 data types, with their names as they appear in /Schemas. */
public enum AttributeType {
  STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"), DATE_TIME("dateTime"),
  BINARY("binary"), REFERENCE("reference"), COMPLEX("complex");

  private final String scimName;

  AttributeType(String scimName) {
    this.scimName = scimName;
  }

  public String scimName() {
    return scimName;
  }
}
