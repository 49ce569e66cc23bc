package io.scimgate.invites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.connectors.api.PermanentDeliveryFailure;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which SMTP failures dead-letter an invitation, built from the exceptions the Vert.x mail client raises. */
class SmtpFailuresTest {

  @ParameterizedTest(name = "{0} / {1} -> permanent {2}")
  @CsvSource(delimiter = '|', value = {
      "recipient address not accepted  | 550 5.1.1 No such user          | true",
      "recipient address not accepted  | 550 mailbox unavailable         | true",
      "recipient address not accepted  | 553 5.1.3 Bad address syntax    | true",
      "recipient address not accepted  | 552 5.2.2 Mailbox full          | true",
      "recipient address not accepted  | 550 5.7.1 Relaying denied       | false",
      "recipient address not accepted  | 450 4.2.1 Mailbox busy          | false",
      "recipient address not accepted  | 451 4.3.0 Try again later       | false",
      "sender address not accepted     | 550 5.1.8 Bad sender domain     | false",
      "sender address not accepted     | 553 5.1.7 Bad sender syntax     | false",
      "DATA command not accepted       | 554 5.6.0 Content rejected      | false",
      "sending data failed             | 550 5.1.1 User unknown          | true",
      "AUTH LOGIN failed               | 535 5.7.8 Bad credentials       | false",
      "AUTH LOGIN failed               | 530 Authentication required     | false",
      "connection failed               | 421 4.3.2 Service not available | false"})
  void onlyPermanentRecipientRejectionsDeadLetter(String message, String reply, boolean permanent) {
    int code = Integer.parseInt(reply.substring(0, 3));
    Throwable failure = SmtpFailures.classify(new SMTPException(message, code, List.of(reply), false));

    if (permanent) {
      assertThat(failure).isInstanceOf(PermanentDeliveryFailure.class).hasMessageEndingWith(reply);
    } else {
      assertThat(failure).isInstanceOf(RetryableDeliveryFailure.class).hasMessageEndingWith(reply);
    }
  }

  @Test
  void connectionErrorsAreRetryable() {
    assertThat(SmtpFailures.classify(new ConnectException("Connection refused")))
        .isInstanceOf(RetryableDeliveryFailure.class).hasMessageContaining("Connection refused");
    assertThat(SmtpFailures.classify(new IllegalStateException()))
        .isInstanceOf(RetryableDeliveryFailure.class).hasMessageContaining("IllegalStateException");
  }

  @Test
  void enhancedStatusSubjectIsReadFromTheReply() {
    assertThat(SmtpFailures.enhancedSubject("550 5.1.1 No such user")).isEqualTo(1);
    assertThat(SmtpFailures.enhancedSubject("550 5.7.1 Relaying denied")).isEqualTo(7);
    assertThat(SmtpFailures.enhancedSubject("452 4.2.2 Mailbox full")).isEqualTo(2);
    assertThat(SmtpFailures.enhancedSubject("550 mailbox unavailable")).isEqualTo(-1);
    assertThat(SmtpFailures.enhancedSubject("550 version 1.2.3 rejected")).isEqualTo(-1);
    assertThat(SmtpFailures.enhancedSubject(null)).isEqualTo(-1);
  }
}
