package io.scimgate.scim.filter;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.connectors.api.ScimType;

/**
 * An attribute path (RFC 7644 §3.10): optional schema URN, attribute, optional sub-attribute. Names compare
 * case-insensitively (RFC 7643 §2.1).
 *
 * @param schemaUrn    {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}, or {@code null}
 * @param attribute    {@code name}, {@code emails}, {@code employeeNumber}
 * @param subAttribute {@code familyName}, {@code value}, or {@code null}
 */
public record AttributePath(String schemaUrn, String attribute, String subAttribute) {

  /** Parses a path; errors are 400 {@code invalidFilter}. */
  public static AttributePath parse(String text) {
    return parse(text, ScimType.INVALID_FILTER);
  }

  /** Parses a path; errors are 400 with {@code scimTypeOnError} (PATCH uses {@code invalidPath}). */
  public static AttributePath parse(String text, String scimTypeOnError) {
    if (text == null || text.isBlank()) {
      throw ScimException.of(400, scimTypeOnError, "An attribute path is required");
    }
    String urn = null;
    String rest = text;
    if (text.regionMatches(true, 0, "urn:", 0, 4)) {
      int colon = text.lastIndexOf(':');
      urn = text.substring(0, colon);
      rest = text.substring(colon + 1);
    }
    int dot = rest.indexOf('.');
    String attribute = dot < 0 ? rest : rest.substring(0, dot);
    String sub = dot < 0 ? null : rest.substring(dot + 1);
    if (!isName(attribute) || (sub != null && !isName(sub) && !sub.equals("$ref"))) {
      throw ScimException.of(400, scimTypeOnError, "'" + text + "' is not a valid attribute path");
    }
    return new AttributePath(urn, attribute, sub);
  }

  /** ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA (RFC 7643 §2.1). */
  static boolean isName(String text) {
    if (text.isEmpty() || !isAlpha(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** {@code name.familyName}, without the URN. */
  public String fullName() {
    return subAttribute == null ? attribute : attribute + "." + subAttribute;
  }

  @Override
  public String toString() {
    return schemaUrn == null ? fullName() : schemaUrn + ":" + fullName();
  }
}
