package io.scimgate.invites.delivery;

import io.scimgate.connectors.api.PermanentDeliveryFailure;
import io.vertx.ext.mail.SMTPException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts SMTP failures into permanent and retryable ones. Only a permanent (5xx) rejection of the recipient is
 * permanent: the address does not exist or refuses mail, and sending again cannot change that. Everything else is
 * retried: connection failures and 4xx replies are temporary by definition, and a 5xx on login, on the sender, on
 * the content, or a recipient refused for policy reasons (5.7.x, typically "relaying denied") is the gateway's own
 * SMTP set-up going wrong, which an operator fixes once for all the queued invitations (dead-lettering them
 * meanwhile would need a replay of each).
 */
final class SmtpFailures {
  /** An RFC 3463 enhanced status code in a reply: class.subject.detail, e.g. {@code 5.1.1}. */
  private static final Pattern ENHANCED_CODE = Pattern.compile("(?:^|\\s)[245]\\.(\\d{1,3})\\.\\d{1,3}(?:\\s|$)");
  private static final int SUBJECT_ADDRESS = 1;
  private static final int SUBJECT_MAILBOX = 2;
  private static final int SUBJECT_SECURITY = 7;

  private SmtpFailures() {}

  static Throwable classify(Throwable failure) {
    if (failure instanceof SMTPException smtp && smtp.isPermanent() && rejectsRecipient(smtp)) {
      return new PermanentDeliveryFailure("the SMTP server rejected the recipient: " + reply(smtp));
    }
    String why = failure instanceof SMTPException smtp ? reply(smtp) : describe(failure);
    return new RetryableDeliveryFailure("sending the invitation failed: " + why, failure);
  }

  /**
   * Vert.x names the failed command in the message ("recipient address not accepted", "sender address not
   * accepted"); enhanced codes 5.1.x (addressing) and 5.2.x (mailbox) say the same from servers that send them,
   * and 5.7.x marks a policy refusal. The codes are read from the reply text: Vert.x parses them only from servers
   * that announce ENHANCEDSTATUSCODES, and some send them without announcing.
   */
  private static boolean rejectsRecipient(SMTPException smtp) {
    String message = String.valueOf(smtp.getMessage()).toLowerCase(Locale.ROOT);
    int subject = enhancedSubject(smtp.getReplyMessage());
    if (message.contains("sender") || subject == SUBJECT_SECURITY) {
      return false;
    }
    return message.contains("recipient") || subject == SUBJECT_ADDRESS || subject == SUBJECT_MAILBOX;
  }

  /** The subject of the reply's enhanced status code, or -1 if it has none. */
  static int enhancedSubject(String reply) {
    Matcher matcher = ENHANCED_CODE.matcher(reply == null ? "" : reply);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private static String reply(SMTPException smtp) {
    String text = smtp.getReplyMessage() == null ? "" : smtp.getReplyMessage().trim();
    String code = Integer.toString(smtp.getReplyCode());
    return text.startsWith(code) ? text : (code + " " + text).trim();
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
