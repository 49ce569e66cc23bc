package io.scimgate.invites.delivery;

import io.scimgate.connectors.api.Delivery;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.connectors.api.PermanentDeliveryFailure;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.concurrent.CompletionStage;

/**
 * Invitation mails over SMTP (vertx-mail-client, pooled connections). Each mail's {@code Message-ID} is derived
 * from the delivery id, so the copy a crash may cause is recognisably the same message. A 5xx reply is permanent
 * (the delivery is dead-lettered); connection errors and 4xx are retried.
 */
public final class EmailChannel implements DeliveryChannel {
  /** SMTP connections per node: mail servers throttle senders that open many. */
  public static final int POOL_SIZE = 4;

  private final MailClient client;
  private final String from;

  public EmailChannel(Vertx vertx, SmtpSettings settings) {
    MailConfig config = new MailConfig().setHostname(settings.host()).setPort(settings.port())
        .setStarttls(StartTLSOptions.valueOf(settings.startTls())).setMaxPoolSize(POOL_SIZE).setKeepAlive(true)
        .setLogin(settings.username() == null ? LoginOption.DISABLED : LoginOption.REQUIRED)
        .setUsername(settings.username()).setPassword(settings.password());
    this.client = MailClient.create(vertx, config);
    this.from = settings.from();
  }

  @Override
  public String id() {
    return "email";
  }

  @Override
  public CompletionStage<Void> deliver(Delivery delivery) {
    return send(delivery).toCompletionStage();
  }

  private Future<Void> send(Delivery delivery) {
    if (!"personnel.invited".equals(delivery.eventType())) {
      return Future.failedFuture(new PermanentDeliveryFailure("the email channel does not send "
          + delivery.eventType()));
    }
    String to = delivery.target().get("to");
    if (to == null || to.isBlank()) {
      return Future.failedFuture(new PermanentDeliveryFailure("the person has no e-mail address"));
    }
    InvitationMail mail = InvitationMail.of(delivery);
    MailMessage message = new MailMessage().setFrom(from).setTo(to).setSubject(mail.subject())
        .setText(mail.text()).setHtml(mail.html())
        .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", messageId(delivery)));
    return client.sendMail(message).<Void>mapEmpty().recover(failure -> Future.failedFuture(
        failure instanceof SMTPException smtp && smtp.isPermanent()
            ? new PermanentDeliveryFailure("SMTP " + smtp.getReplyCode() + ": " + smtp.getReplyMessage())
            : failure));
  }

  /** Stable across retries and replays of one delivery (RFC 5322 §3.6.4). */
  static String messageId(Delivery delivery) {
    return "<" + delivery.id().replaceAll("[^A-Za-z0-9.-]", "-") + "@scimgate>";
  }

  public Future<Void> close() {
    return client.close();
  }
}
