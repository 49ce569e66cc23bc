package io.scimgate.invites.delivery;

/**
 * Where invitation mails go. {@code password} is never logged ({@link #toString()} hides it).
 *
 * @param startTls {@code DISABLED}, {@code OPTIONAL} or {@code REQUIRED}
 * @param username {@code null}: no SMTP authentication
 */
public record SmtpSettings(String host, int port, String username, String password, String from, String startTls) {
  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + " from " + from + ", starttls " + startTls
        + (username == null ? "" : ", user " + username + ", password set") + "]";
  }
}
