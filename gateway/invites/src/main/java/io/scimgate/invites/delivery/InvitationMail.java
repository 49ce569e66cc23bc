package io.scimgate.invites.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.Delivery;

/**
 * The invitation's subject and bodies (plain text and HTML; every inserted value HTML-escaped: tenant and person
 * names come from admins and IdPs). With a sign-up link ({@code invitationUrl}, put in by {@link InvitationLinks}
 * as the mail is sent), both parts carry it and say until when it works.
 */
record InvitationMail(String subject, String text, String html) {

  static InvitationMail of(Delivery delivery) {
    String tenant = delivery.tenantName() == null ? "your company" : delivery.tenantName();
    String name = name(delivery.data());
    // a tenant name cannot add a header line: control characters go
    String subject = ("You're invited to join " + tenant).replaceAll("\\p{Cntrl}", " ");
    String link = text(delivery.data(), "invitationUrl");
    String text = "Hello " + name + ",\n\n" + tenant + " has invited you to join them. Your administrator set up"
        + " your account from your company directory.";
    String html = "<p>Hello " + escape(name) + ",</p><p><strong>" + escape(tenant) + "</strong> has invited you to "
        + "join them. Your administrator set up your account from your company directory.</p>";
    if (link == null) {
      return new InvitationMail(subject, text + " Follow the sign-up link your administrator gives you to accept.\n",
          html);
    }
    String until = until(delivery.data());
    return new InvitationMail(subject,
        text + "\n\nAccept the invitation: " + link + "\n\nThe link works once" + until + ".\n",
        html + "<p><a href=\"" + escape(link) + "\">Accept the invitation</a></p><p>The link works once"
            + escape(until) + ".</p>");
  }

  private static String until(JsonNode data) {
    String expires = text(data, "invitationExpiresAt");
    return expires == null ? "" : ", until " + expires.replace('T', ' ').replaceAll("\\.\\d+", "")
        .replace("Z", " UTC");
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
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
