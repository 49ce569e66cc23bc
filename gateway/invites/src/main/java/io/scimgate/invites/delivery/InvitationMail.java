package io.scimgate.invites.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.Delivery;

/** The invitation's subject and bodies (plain text and HTML; every inserted value HTML-escaped). */
record InvitationMail(String subject, String text, String html) {

  static InvitationMail of(Delivery delivery) {
    String tenant = delivery.tenantName() == null ? "your company" : delivery.tenantName();
    String name = name(delivery.data());
    // a tenant name cannot add a header line: control characters go
    String subject = ("You're invited to join " + tenant).replaceAll("\\p{Cntrl}", " ");
    String text = "Hello " + name + ",\n\n" + tenant + " has invited you to join them. Your administrator set up "
        + "your account from your company directory; follow the sign-up link in your welcome page to accept.\n";
    String html = "<p>Hello " + escape(name) + ",</p><p><strong>" + escape(tenant) + "</strong> has invited you to "
        + "join them. Your administrator set up your account from your company directory.</p>";
    return new InvitationMail(subject, text, html);
  }

  private static String name(JsonNode data) {
    for (String field : new String[] {"displayName", "userName", "email"}) {
      if (data.path(field).isTextual() && !data.get(field).asText().isBlank()) {
        return data.get(field).asText();
      }
    }
    return "there";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
