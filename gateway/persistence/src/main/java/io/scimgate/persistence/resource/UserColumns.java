package io.scimgate.persistence.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The values of a user document that get their own, indexed columns. */
record UserColumns(String userName, String externalId, String displayName, Boolean active, String[] emails) {

  static UserColumns of(ObjectNode doc) {
    List<String> emails = new ArrayList<>();
    for (JsonNode email : doc.path("emails")) {
      if (email.path("value").isTextual()) {
        emails.add(email.get("value").asText());
      }
    }
    JsonNode active = doc.get("active");
    return new UserColumns(text(doc, "userName"), text(doc, "externalId"), text(doc, "displayName"),
        active == null ? null : active.asBoolean(), emails.toArray(String[]::new));
  }

  private static String text(ObjectNode doc, String field) {
    JsonNode value = doc.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
