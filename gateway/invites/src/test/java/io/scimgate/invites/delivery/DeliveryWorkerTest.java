package io.scimgate.invites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.connectors.api.DeliveryChannel;
import io.scimgate.invites.PipelineObserver;
import io.scimgate.invites.egress.EgressAllowlist;
import io.scimgate.invites.egress.EgressPolicy;
import io.scimgate.invites.egress.EgressSettings;
import io.scimgate.invites.egress.HostResolver;
import io.scimgate.invites.testing.SmtpReceiver;
import io.scimgate.invites.testing.SmtpReceiver.Mail;
import io.scimgate.invites.testing.WebhookReceiver;
import io.scimgate.invites.testing.WebhookReceiver.Call;
import io.scimgate.persistence.Database;
import io.scimgate.persistence.pipeline.InvitationTokenRepository;
import io.scimgate.persistence.testing.MigratedDatabase;
import io.scimgate.scim.json.ScimJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The delivery worker on its own, without HTTP or a gateway: a real PostgreSQL, a real SMTP receiver and a real
 * webhook receiver on 127.0.0.1, and the worker built as a node builds it (its e-mail and webhook channels, the
 * egress policy with 127.0.0.1 allowed as an operator would allow an on-premises receiver, the sealed webhook
 * secret, invitation links). Deliveries are seeded as the relay writes them ({@code Invitations}: a person, their
 * invitation and its {@code invite:} mail and {@code webhook:personnel.invited:} rows). It checks what reaches the
 * receivers and what the {@code deliveries} rows say afterwards: a mail once, to its person, with a working
 * sign-up link; a webhook once, signed; a 500 retried later and then sent; a recipient the mail server refuses for
 * good dead-lettered, a policy refusal retried; the last attempt dead-lettered; a lease respected; and two workers
 * on one database never sending one delivery twice. It lives in the invites module beside the worker so that a
 * failure here points at the worker, not at HTTP.
 */
class DeliveryWorkerTest {
  private static final String SECRET = "whsec_local_test_secret";
  private static final String LINK_TEMPLATE = "https://app.example.test/join?t={token}";
  private static final Pattern LINK = Pattern.compile("https://app\\.example\\.test/join\\?t=([A-Za-z0-9_-]{43})");
  /** Backoff of an hour: a failed delivery is not due again while a test runs, unless the test makes it so. */
  private static final RetryPolicy HOURLY = new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1), 5);
  private static final Duration LEASE = Duration.ofMinutes(5);
  /** Seals the webhook secret as the admin API stores it; the worker opens it only to sign. */
  /** Stands for the app's SecretBox (the worker is handed only how to open a sealed secret). */
  private static final String SEALED = "sealed:";

  @RegisterExtension
  static final MigratedDatabase db = MigratedDatabase.withPool(4);
  private static Vertx vertx;
  private static Pool pool;

  private SmtpReceiver smtp;
  private WebhookReceiver hooks;
  private final List<Pool> extraPools = new ArrayList<>();
  private final List<Runnable> closers = new ArrayList<>();
  private final List<String> outcomes = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = db.vertx();
    pool = db.pool();
  }

  @BeforeEach
  void receivers() throws Exception {
    smtp = SmtpReceiver.start(vertx);
    hooks = WebhookReceiver.start(vertx);
  }

  @AfterEach
  void closeEverything() throws Exception {
    closers.forEach(Runnable::run);
    for (Pool extra : extraPools) {
      extra.close().await(10, TimeUnit.SECONDS);
    }
    smtp.close();
    hooks.close();
    // what a test leaves due would be sent by the next test's worker
    db.sql("UPDATE deliveries SET status = 'dead' WHERE status IN ('pending', 'sending')");
  }

  @Test
  void anInvitationMailGoesOutOnceToItsPersonWithASignUpLinkThatIsStoredOnlyAsItsHash() throws Exception {
    UUID tenant = tenant("Acme & Söhne"); // not ASCII: the parts go quoted-printable, and the link must survive it
    UUID ann = invitedPerson(tenant, "ann@acme.example", "Ann Exämple");
    db.sql("DELETE FROM deliveries WHERE id = $1", "webhook:personnel.invited:" + ann + ":1"); // the mail alone
    DeliveryWorker worker = worker(pool, HOURLY, LEASE);

    assertThat(deliverDue(worker)).isEqualTo(1);

    List<Mail> mails = smtp.mails();
    assertThat(mails).hasSize(1);
    Mail mail = mails.get(0);
    assertThat(mail.to()).containsExactly("ann@acme.example");
    assertThat(mail.from()).isEqualTo("invites@scimgate.test");
    assertThat(mail.header("Message-ID")).isEqualTo("<invite-" + ann + "-1@scimgate>");
    assertThat(mail.decoded()).contains("Hello Ann Exämple", "Acme & Söhne has invited you to join them",
        "<strong>Acme &amp; Söhne</strong> has invited you");
    Matcher link = LINK.matcher(mail.decoded());
    assertThat(link.find()).as("the mail carries the sign-up link: %s", mail.data()).isTrue();
    String token = link.group(1);
    assertThat(db.value("SELECT count(*) FROM invitation_tokens WHERE person_id = $1 AND round = 1"
        + " AND token_hash = sha256(convert_to($2, 'UTF8')) AND used_at IS NULL AND expires_at > now()", ann, token))
        .isEqualTo("1");
    assertThat(db.value("SELECT count(*) FROM deliveries WHERE strpos(data::text, $1) > 0", token))
        .as("the clear token is only in the mail").isEqualTo("0");

    Row row = delivery("invite:" + ann + ":1");
    assertThat(row.getString("status")).isEqualTo("sent");
    assertThat(row.getInteger("attempts")).isEqualTo(1);
    assertThat(row.getValue("sent_at")).isNotNull();
    assertThat(row.getValue("lease_until")).isNull();
    assertThat(row.getString("last_error")).isNull();
    assertThat(outcomes).containsExactly("email personnel.invited SENT");

    assertThat(deliverDue(worker)).as("a sent mail is not claimed again").isZero();
    assertThat(smtp.mails()).hasSize(1);
  }

  @Test
  void aWebhookIsPostedOnceSignedWithTheTenantsSecretAndNamedByItsDeliveryId() throws Exception {
    UUID tenant = tenant("Globex");
    UUID bob = invitedPerson(tenant, "bob@globex.example", "Bob");
    db.sql("DELETE FROM deliveries WHERE id = $1", "invite:" + bob + ":1"); // the webhook alone
    String id = "webhook:personnel.invited:" + bob + ":1";

    assertThat(deliverDue(worker(pool, HOURLY, LEASE))).isEqualTo(1);

    List<Call> calls = hooks.calls();
    assertThat(calls).hasSize(1);
    Call call = calls.get(0);
    assertThat(call.path()).isEqualTo("/hooks/" + tenant);
    assertThat(call.header("Scimgate-Event-Id")).isEqualTo(id);
    assertThat(call.header("Content-Type")).isEqualTo("application/json");
    long timestamp = Long.parseLong(call.header("Scimgate-Timestamp"));
    assertThat(WebhookSignature.verify(SECRET, call.header("Scimgate-Signature"), timestamp, call.body(),
        Instant.now(), Duration.ofMinutes(5))).as("signed with the tenant's secret").isTrue();
    assertThat(WebhookSignature.verify("another secret", call.header("Scimgate-Signature"), timestamp, call.body(),
        Instant.now(), Duration.ofMinutes(5))).isFalse();
    JsonNode body = ScimJson.parse(call.text());
    assertThat(body.path("id").asText()).isEqualTo(id);
    assertThat(body.path("type").asText()).isEqualTo("personnel.invited");
    assertThat(body.path("tenantId").asText()).isEqualTo(tenant.toString());
    assertThat(body.path("data").path("email").asText()).isEqualTo("bob@globex.example");
    assertThat(call.text()).as("the secret never travels").doesNotContain(SECRET);

    assertThat(delivery(id).getString("status")).isEqualTo("sent");
    assertThat(outcomes).containsExactly("webhook personnel.invited SENT");
  }

  @Test
  void aReceiverAnswering500LeavesTheDeliveryPendingForALaterAttemptThatSucceeds() throws Exception {
    UUID tenant = tenant("Initech");
    UUID cyd = invitedPerson(tenant, "cyd@initech.example", "Cyd");
    db.sql("DELETE FROM deliveries WHERE id = $1", "invite:" + cyd + ":1");
    String id = "webhook:personnel.invited:" + cyd + ":1";
    DeliveryWorker worker = worker(pool, HOURLY, LEASE);
    hooks.answer(500);

    assertThat(deliverDue(worker)).isEqualTo(1);
    Row failed = delivery(id);
    assertThat(failed.getString("status")).isEqualTo("pending");
    assertThat(failed.getInteger("attempts")).isEqualTo(1);
    assertThat(failed.getString("last_error")).isEqualTo("the receiver answered 500");
    assertThat(failed.getValue("lease_until")).isNull();
    assertThat(db.value("SELECT next_attempt_at > now() FROM deliveries WHERE id = $1", id))
        .as("the next attempt is in the future").isEqualTo("true");
    assertThat(deliverDue(worker)).as("not due before its backoff ends").isZero();
    assertThat(hooks.calls()).hasSize(1);

    hooks.answer(204);
    db.sql("UPDATE deliveries SET next_attempt_at = now() WHERE id = $1", id); // the backoff has passed
    assertThat(deliverDue(worker)).isEqualTo(1);

    Row sent = delivery(id);
    assertThat(sent.getString("status")).isEqualTo("sent");
    assertThat(sent.getInteger("attempts")).isEqualTo(2);
    assertThat(sent.getString("last_error")).isNull();
    assertThat(hooks.calls()).extracting(call -> call.header("Scimgate-Event-Id"))
        .as("the retry is the same event: receivers de-duplicate on its id").containsExactly(id, id);
    assertThat(outcomes).containsExactly("webhook personnel.invited RETRY", "webhook personnel.invited SENT");
  }

  @Test
  void aRecipientTheMailServerRefusesForGoodIsDeadLetteredWithTheServersReply() throws Exception {
    UUID tenant = tenant("Umbrella");
    UUID gone = invitedPerson(tenant, "gone@umbrella.example", "Gone");
    smtp.refuse("gone@umbrella.example", "550 5.1.1 <gone@umbrella.example>: Recipient address rejected: User"
        + " unknown");
    String id = "invite:" + gone + ":1";
    db.sql("DELETE FROM deliveries WHERE id = $1", "webhook:personnel.invited:" + gone + ":1");
    DeliveryWorker worker = worker(pool, HOURLY, LEASE);

    assertThat(deliverDue(worker)).isEqualTo(1);

    Row dead = delivery(id);
    assertThat(dead.getString("status")).isEqualTo("dead");
    assertThat(dead.getInteger("attempts")).isEqualTo(1);
    assertThat(dead.getString("last_error")).startsWith("the SMTP server rejected the recipient: 550")
        .contains("5.1.1");
    assertThat(dead.getValue("lease_until")).isNull();
    assertThat(smtp.mails()).isEmpty();
    assertThat(outcomes).containsExactly("email personnel.invited DEAD");
    assertThat(deliverDue(worker)).as("dead letters wait for a replay").isZero();
  }

  @Test
  void aRecipientRefusedForPolicyIsTheGatewaysSetUpGoingWrongAndIsRetried() throws Exception {
    UUID tenant = tenant("Hooli");
    UUID dee = invitedPerson(tenant, "dee@hooli.example", "Dee");
    smtp.refuse("dee@hooli.example", "550 5.7.1 <dee@hooli.example>: Relay access denied");
    String id = "invite:" + dee + ":1";
    db.sql("DELETE FROM deliveries WHERE id = $1", "webhook:personnel.invited:" + dee + ":1");

    assertThat(deliverDue(worker(pool, HOURLY, LEASE))).isEqualTo(1);

    Row retried = delivery(id);
    assertThat(retried.getString("status")).isEqualTo("pending");
    assertThat(retried.getInteger("attempts")).isEqualTo(1);
    assertThat(retried.getString("last_error")).startsWith("sending the invitation failed: 550").contains("5.7.1");
    assertThat(outcomes).containsExactly("email personnel.invited RETRY");
  }

  @Test
  void theLastAttemptDeadLettersARetryableFailureAndAGoneReceiverIsDeadLetteredAtOnce() throws Exception {
    UUID tenant = tenant("Soylent");
    UUID eve = invitedPerson(tenant, "eve@soylent.example", "Eve");
    UUID fay = invitedPerson(tenant, "fay@soylent.example", "Fay");
    db.sql("DELETE FROM deliveries WHERE channel = 'email' AND tenant_id = $1", tenant);
    String eves = "webhook:personnel.invited:" + eve + ":1";
    String fays = "webhook:personnel.invited:" + fay + ":1";
    db.sql("UPDATE deliveries SET attempts = 1 WHERE id = $1", eves); // one attempt failed before
    DeliveryWorker worker = worker(pool, new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1), 2), LEASE);
    hooks.answer(503);

    assertThat(deliverDue(worker)).isEqualTo(2);
    Row exhausted = delivery(eves);
    assertThat(exhausted.getString("status")).isEqualTo("dead");
    assertThat(exhausted.getInteger("attempts")).isEqualTo(2);
    assertThat(exhausted.getString("last_error")).isEqualTo("the receiver answered 503");
    assertThat(delivery(fays).getString("status")).as("its first attempt: retried").isEqualTo("pending");

    hooks.answer(410);
    db.sql("UPDATE deliveries SET next_attempt_at = now() WHERE id = $1", fays);
    assertThat(deliverDue(worker)).isEqualTo(1);
    Row gone = delivery(fays);
    assertThat(gone.getString("status")).isEqualTo("dead");
    assertThat(gone.getInteger("attempts")).as("a 4xx is not retried, however many attempts are left")
        .isEqualTo(2);
    assertThat(gone.getString("last_error")).isEqualTo("the receiver answered 410");
  }

  @Test
  void aDeliveryLeasedByAnotherNodeIsLeftToItUntilTheLeaseRunsOut() throws Exception {
    UUID tenant = tenant("Stark");
    UUID gus = invitedPerson(tenant, "gus@stark.example", "Gus");
    db.sql("DELETE FROM deliveries WHERE id = $1", "invite:" + gus + ":1");
    String id = "webhook:personnel.invited:" + gus + ":1";
    db.sql("UPDATE deliveries SET status = 'sending', attempts = 1, lease_until = now() + interval '1 hour'"
        + " WHERE id = $1", id);
    DeliveryWorker worker = worker(pool, HOURLY, LEASE);

    assertThat(deliverDue(worker)).as("another node holds it").isZero();
    assertThat(hooks.calls()).isEmpty();

    db.sql("UPDATE deliveries SET lease_until = now() - interval '1 second' WHERE id = $1", id); // that node died
    assertThat(deliverDue(worker)).isEqualTo(1);
    Row sent = delivery(id);
    assertThat(sent.getString("status")).isEqualTo("sent");
    assertThat(sent.getInteger("attempts")).isEqualTo(2);
    assertThat(hooks.calls()).hasSize(1);
  }

  @Test
  void twoWorkersOnOneDatabaseNeverSendOneDeliveryTwice() throws Exception {
    List<String> mailIds = new ArrayList<>();
    List<String> webhookIds = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      UUID tenant = tenant("Tenant " + t);
      for (int p = 0; p < 10; p++) {
        UUID person = invitedPerson(tenant, "p" + p + "@t" + t + ".example", "Person " + p);
        mailIds.add("invite:" + person + ":1");
        webhookIds.add("webhook:personnel.invited:" + person + ":1");
      }
    }
    hooks.answerAfter(Duration.ofMillis(30)); // sends overlap the other worker's claims
    DeliveryWorker first = worker(newPool(), HOURLY, LEASE);
    DeliveryWorker second = worker(newPool(), HOURLY, LEASE);

    int[] claimed = new int[2];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!db.value("SELECT count(*) FROM deliveries WHERE status IN ('pending', 'sending')").equals("0")
        && System.nanoTime() < deadline) {
      Future<Integer> a = first.runOnce();
      Future<Integer> b = second.runOnce();
      Future.all(a, b).await(10, TimeUnit.SECONDS);
      claimed[0] += a.result();
      claimed[1] += b.result();
      Thread.sleep(10);
    }
    Future.all(first.drained(), second.drained()).await(30, TimeUnit.SECONDS);

    assertThat(claimed[0]).as("the first worker claimed some").isPositive();
    assertThat(claimed[1]).as("the second worker claimed some").isPositive();
    assertThat(claimed[0] + claimed[1]).as("no delivery claimed twice").isEqualTo(60);
    assertThat(countBy(hooks.calls(), call -> call.header("Scimgate-Event-Id")))
        .as("each webhook posted exactly once").isEqualTo(onceEach(webhookIds));
    assertThat(countBy(smtp.await(30, Duration.ofSeconds(10)), mail -> mail.header("Message-ID")))
        .as("each mail sent exactly once")
        .isEqualTo(onceEach(mailIds.stream().map(id -> "<" + id.replace(':', '-') + "@scimgate>").toList()));
    List<String> all = new ArrayList<>(mailIds);
    all.addAll(webhookIds);
    assertThat(db.value("SELECT count(*) FROM deliveries WHERE id = ANY($1) AND status = 'sent' AND attempts = 1",
        (Object) all.toArray(String[]::new))).isEqualTo("60");
  }

  /** Claims and sends until nothing is due, each round waiting for its sends; how many were claimed. */
  private static int deliverDue(DeliveryWorker worker) throws Exception {
    int total = 0;
    int claimed;
    do {
      claimed = worker.runOnce().await(10, TimeUnit.SECONDS);
      worker.drained().await(30, TimeUnit.SECONDS);
      total += claimed;
    } while (claimed > 0);
    return total;
  }

  /** A worker as a node builds it, on {@code on}, sending to this test's receivers. */
  private DeliveryWorker worker(Pool on, RetryPolicy retry, Duration lease) {
    EmailChannel email = new EmailChannel(vertx, new SmtpSettings("127.0.0.1", smtp.port(), null, null,
        "invites@scimgate.test", "DISABLED"));
    EgressPolicy egress = new EgressPolicy(new EgressSettings(true, EgressAllowlist.parse("127.0.0.1"),
        Duration.ofSeconds(5)), HostResolver.system(vertx));
    WebhookChannel webhook = new WebhookChannel(vertx, egress);
    closers.add(() -> email.close().await());
    closers.add(() -> webhook.close().await());
    Map<String, DeliveryChannel> channels = Map.of("email", email, "webhook", webhook);
    PipelineObserver observer = new PipelineObserver() {
      @Override
      public void delivered(String channel, String eventType, DeliveryOutcome outcome) {
        outcomes.add(channel + " " + eventType + " " + outcome);
      }
    };
    return new DeliveryWorker(on, channels, sealed -> sealed.substring(SEALED.length()), retry, lease,
        new InvitationLinks(new InvitationTokenRepository(on), null, Duration.ofDays(7)), observer);
  }

  private Pool newPool() {
    Pool extra = Database.pool(vertx, db.url(), 4);
    extraPools.add(extra);
    return extra;
  }

  /** A tenant with its sign-up URL template and an enabled webhook endpoint on this test's receiver. */
  private UUID tenant(String name) throws Exception {
    UUID id = UUID.randomUUID();
    db.sql("INSERT INTO tenants (id, name) VALUES ($1, $2)", id, name);
    db.sql("INSERT INTO invitation_settings (tenant_id, url_template) VALUES ($1, $2)", id, LINK_TEMPLATE);
    db.sql("INSERT INTO webhook_endpoints (tenant_id, url, secret_encrypted) VALUES ($1, $2, $3)", id,
        hooks.url("/hooks/" + id), SEALED + SECRET);
    return id;
  }

  /**
   * A person the relay has just invited, with the rows {@code Invitations} writes for them: the person
   * ({@code invited}), the invitation (round 1), the invitation mail and the {@code personnel.invited} webhook.
   */
  private static UUID invitedPerson(UUID tenant, String email, String displayName) throws Exception {
    UUID id = UUID.randomUUID();
    db.sql("INSERT INTO personnel (id, tenant_id, user_name, display_name, email, status, scim_active, invite_round,"
        + " invited_at, match_key) VALUES ($1, $2, $3, $4, $3, 'invited', true, 1, now(), lower($3))",
        id, tenant, email, displayName);
    db.sql("INSERT INTO invitations (person_id, round, tenant_id) VALUES ($1, 1, $2)", id, tenant);
    db.sql("INSERT INTO deliveries (id, tenant_id, channel, event_type, data, recipient, status, occurred_at)"
        + " VALUES ($5, $2, 'email', 'personnel.invited', jsonb_build_object('personId', $1::uuid, 'email',"
        + " $3::text, 'displayName', $4::text, 'userName', $3::text, 'round', 1), $3, 'pending', now())",
        id, tenant, email, displayName, "invite:" + id + ":1");
    db.sql("INSERT INTO deliveries (id, tenant_id, channel, event_type, data, status, occurred_at)"
        + " VALUES ($5, $2, 'webhook', 'personnel.invited', jsonb_build_object('personId', $1::uuid, 'email',"
        + " $3::text, 'displayName', $4::text, 'userName', $3::text), 'pending', now())",
        id, tenant, email, displayName, "webhook:personnel.invited:" + id + ":1");
    return id;
  }

  private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private static Map<String, Long> onceEach(List<String> ids) {
    return ids.stream().collect(Collectors.toMap(id -> id, id -> 1L));
  }

  private static Row delivery(String id) throws Exception {
    return pool.preparedQuery("SELECT * FROM deliveries WHERE id = $1").execute(Tuple.of(id))
        .await(10, TimeUnit.SECONDS).iterator().next();
  }
}
