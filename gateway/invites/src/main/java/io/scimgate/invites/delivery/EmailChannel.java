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
import io.vertx.ext.mail.StartTLSOptions;
import java.util.concurrent.CompletionStage;

/**
 * Invitation mails over SMTP (vertx-mail-client, pooled connections). Each mail's {@code Message-ID} is derived
 * from the delivery id, so the copy a crash may cause is recognisably the same message. A permanent rejection of
 * the recipient dead-letters the delivery; everything else is retried ({@link SmtpFailures}).
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
    if (!MailAddresses.isPlausible(to)) {
      return Future.failedFuture(new PermanentDeliveryFailure(to == null ? "the person has no e-mail address"
          : "the person's e-mail is not a single address"));
    }
    InvitationMail mail = InvitationMail.of(delivery);
    MailMessage message = new MailMessage().setFrom(from).setTo(to).setSubject(mail.subject())
        .setText(mail.text()).setHtml(mail.html())
        .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", messageId(delivery))
            .add("Auto-Submitted", "auto-generated")); // RFC 3834: vacation responders stay quiet
    return client.sendMail(message).<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(SmtpFailures.classify(failure)));
  }

  /** Stable across retries and replays of one delivery (RFC 5322 §3.6.4). */
  static String messageId(Delivery delivery) {
    return "<" + delivery.id().replaceAll("[^A-Za-z0-9.-]", "-") + "@scimgate>";
  }

  public Future<Void> close() {
    return client.close();
  }
}
