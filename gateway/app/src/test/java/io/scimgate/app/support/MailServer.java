package io.scimgate.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A real SMTP server (GreenMail) on a free port of 127.0.0.1, and the environment that points a gateway at it. */
public final class MailServer implements AutoCloseable {
  private final GreenMail greenMail;
  private final int port;

  private MailServer(GreenMail greenMail, int port) {
    this.greenMail = greenMail;
    this.port = port;
  }

  public static MailServer start() {
    int port = TestGateway.freePort();
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return new MailServer(greenMail, port);
  }

  /** SCIMGATE_SMTP_* for a gateway that sends here, plus quick polls for tests. */
  public Map<String, String> gatewayEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("SCIMGATE_SMTP_HOST", "127.0.0.1");
    env.put("SCIMGATE_SMTP_PORT", Integer.toString(port));
    env.put("SCIMGATE_SMTP_STARTTLS", "DISABLED");
    env.put("SCIMGATE_SMTP_FROM", "invites@scimgate.test");
    env.put("SCIMGATE_INVITES_POLL_MS", "200");
    return env;
  }

  /** One entry per message received (a message to two recipients counts twice). */
  public List<Received> received() {
    List<Received> all = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      try {
        for (var to : message.getRecipients(Message.RecipientType.TO)) {
          all.add(new Received(to.toString().toLowerCase(Locale.ROOT), message.getSubject(),
              message.getHeader("Message-ID", null), body(message), part(message, "text/plain"),
              part(message, "text/html")));
        }
      } catch (MessagingException | java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return all;
  }

  public List<Received> receivedBy(String address) {
    return received().stream().filter(r -> r.to().equalsIgnoreCase(address)).toList();
  }

  /** Waits until at least {@code count} messages arrived (or the timeout); the messages. */
  public List<Received> await(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (greenMail.getReceivedMessages().length < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    return received();
  }

  private static String body(MimeMessage message) throws MessagingException, java.io.IOException {
    Object content = message.getContent();
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(multipart.getBodyPart(i).getContent());
      }
      return text.toString();
    }
    return String.valueOf(content);
  }

  /** The first part of {@code type} (the message itself when it is not multipart), or null. */
  private static String part(MimeMessage message, String type) throws MessagingException, java.io.IOException {
    Object content = message.getContent();
    if (!(content instanceof jakarta.mail.Multipart multipart)) {
      return message.isMimeType(type) ? String.valueOf(content) : null;
    }
    for (int i = 0; i < multipart.getCount(); i++) {
      if (multipart.getBodyPart(i).isMimeType(type)) {
        return String.valueOf(multipart.getBodyPart(i).getContent());
      }
    }
    return null;
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** One received message, to one recipient: its parts together ({@code body}) and apart. */
  public record Received(String to, String subject, String messageId, String body, String text, String html) {}
}
