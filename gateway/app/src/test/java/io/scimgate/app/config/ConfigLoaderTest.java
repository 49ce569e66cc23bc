package io.scimgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void defaults() {
    GatewayConfig config = new ConfigLoader(Map.of()).load();
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.publicUrl()).isEqualTo("http://localhost:8080");
    assertThat(config.databaseUrl()).isNull();
    assertThat(config.signingSecret()).isNull();
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.defaultPageSize()).isEqualTo(100);
    assertThat(config.maxPageSize()).isEqualTo(1000);
    assertThat(config.databaseLimits().groupMembersPerFetch()).isEqualTo(1000);
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.HTTP_PORT, "eighty")).load())
        .hasMessageContaining(ConfigLoader.HTTP_PORT);
    assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.MAX_PAGE_SIZE, "0")).load())
        .hasMessageContaining(ConfigLoader.MAX_PAGE_SIZE);
    assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.SIGNING_SECRET, "short")).load())
        .hasMessageContaining("at least 32");
    assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.GROUP_MEMBERS_PER_FETCH, "-1")).load())
        .hasMessageContaining(ConfigLoader.GROUP_MEMBERS_PER_FETCH);
  }

  @Test
  void toStringNeverShowsSecrets() {
    GatewayConfig config = new ConfigLoader(Map.of(
        ConfigLoader.DATABASE_URL, "postgresql://scim:hunter2-password@db:5432/scim",
        ConfigLoader.SIGNING_SECRET, "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t",
        ConfigLoader.PUBLIC_URL, "https://scim.example.com/")).load();
    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t")
        .contains("postgresql://scim:***@db:5432/scim");
    assertThat(config.publicUrl()).isEqualTo("https://scim.example.com");
    assertThat(config.scimBaseUrl("c1")).isEqualTo("https://scim.example.com/scim/v2/c1");
  }

  @Test
  void invitationLinksNeedAnHttpsTemplateWithThePlaceholderAndLastAWeekByDefault() {
    assertThat(new ConfigLoader(Map.of()).load().invites().invitationUrl()).isNull();
    assertThat(new ConfigLoader(Map.of()).load().invites().invitationTtl()).isEqualTo(java.time.Duration.ofDays(7));
    GatewayConfig config = new ConfigLoader(Map.of(ConfigLoader.INVITATION_URL,
        " https://app.example.com/join?token={token} ", ConfigLoader.INVITATION_TTL_HOURS, "24")).load();
    assertThat(config.invites().invitationUrl()).isEqualTo("https://app.example.com/join?token={token}");
    assertThat(config.invites().invitationTtl()).isEqualTo(java.time.Duration.ofHours(24));
    for (String bad : new String[] {"https://app.example.com/join", "http://app.example.com/join?t={token}",
        "https://user:pw@app.example.com/{token}", "/join?t={token}"}) {
      assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.INVITATION_URL, bad)).load()).as(bad)
          .hasMessageContaining(ConfigLoader.INVITATION_URL);
    }
    assertThatThrownBy(() -> new ConfigLoader(Map.of(ConfigLoader.INVITATION_TTL_HOURS, "0")).load())
        .hasMessageContaining(ConfigLoader.INVITATION_TTL_HOURS);
  }

  /** SMTP credentials never travel in clear text unless the operator says so in as many words. */
  @Test
  void smtpCredentialsRequireStartTls() {
    Map<String, String> credentials = Map.of(ConfigLoader.SMTP_HOST, "smtp.example.com",
        ConfigLoader.SMTP_USERNAME, "mailer", ConfigLoader.SMTP_PASSWORD, "hunter2");
    assertThat(load(credentials).invites().smtpStartTls()).as("the default with credentials").isEqualTo("REQUIRED");
    assertThat(load(Map.of(ConfigLoader.SMTP_HOST, "smtp.example.com")).invites().smtpStartTls())
        .as("the default without credentials").isEqualTo("OPTIONAL");
    for (String weak : new String[] {"OPTIONAL", "DISABLED", "optional"}) {
      assertThatThrownBy(() -> load(with(credentials, ConfigLoader.SMTP_STARTTLS, weak)))
          .as(weak).isInstanceOf(ConfigLoader.ConfigException.class)
          .hasMessageContaining(ConfigLoader.SMTP_STARTTLS).hasMessageContaining("REQUIRED")
          .hasMessageContaining(ConfigLoader.SMTP_USERNAME).hasMessageContaining(ConfigLoader.SMTP_ALLOW_PLAINTEXT_AUTH)
          .hasMessageNotContaining("hunter2");
    }
    Map<String, String> allowed = with(credentials, ConfigLoader.SMTP_ALLOW_PLAINTEXT_AUTH, "true");
    assertThat(load(with(allowed, ConfigLoader.SMTP_STARTTLS, "DISABLED")).invites().smtpStartTls())
        .isEqualTo("DISABLED");
    assertThat(load(with(allowed, ConfigLoader.SMTP_STARTTLS, "OPTIONAL")).invites().smtpStartTls())
        .isEqualTo("OPTIONAL");
    assertThatThrownBy(() -> load(with(credentials, ConfigLoader.SMTP_ALLOW_PLAINTEXT_AUTH, "maybe")))
        .hasMessageContaining(ConfigLoader.SMTP_ALLOW_PLAINTEXT_AUTH);
  }

  @Test
  void webhookEgressSettings() {
    var defaults = load(Map.of()).invites().webhooks();
    assertThat(defaults.allowHttp()).isFalse();
    assertThat(defaults.timeout()).hasSeconds(10);
    var set = load(Map.of(ConfigLoader.WEBHOOK_ALLOW_HTTP, "true", ConfigLoader.WEBHOOK_TIMEOUT_SECONDS, "3",
        ConfigLoader.WEBHOOK_ALLOWED_HOSTS, "127.0.0.1, 10.20.0.0/16,hooks.internal,[::1],fd00::/8")).invites()
        .webhooks();
    assertThat(set.allowHttp()).isTrue();
    assertThat(set.timeout()).hasSeconds(3);
    assertThat(set.allowedHosts().toString()).contains("127.0.0.1/32", "10.20.0.0/16", "hooks.internal");
    for (String bad : new String[] {"10.0.0.0/33", "10.0.0.1/8x", "http://hooks.internal", "a b"}) {
      assertThatThrownBy(() -> load(Map.of(ConfigLoader.WEBHOOK_ALLOWED_HOSTS, bad))).as(bad)
          .hasMessageContaining(ConfigLoader.WEBHOOK_ALLOWED_HOSTS);
    }
    assertThatThrownBy(() -> load(Map.of(ConfigLoader.WEBHOOK_ALLOW_HTTP, "yes please")))
        .hasMessageContaining(ConfigLoader.WEBHOOK_ALLOW_HTTP);
  }

  @Test
  void eventRetention() {
    var defaults = load(Map.of()).invites().events();
    assertThat(defaults.keep()).hasDays(30);
    assertThat(defaults.pruneEvery()).hasMinutes(5);
    var set = load(Map.of(ConfigLoader.EVENTS_RETENTION_DAYS, "7", ConfigLoader.EVENTS_PRUNE_SECONDS, "60")).invites()
        .events();
    assertThat(set.keep()).hasDays(7);
    assertThat(set.pruneEvery()).hasSeconds(60);
    for (String bad : new String[] {"0", "3651", "a month"}) {
      assertThatThrownBy(() -> load(Map.of(ConfigLoader.EVENTS_RETENTION_DAYS, bad))).as(bad)
          .hasMessageContaining(ConfigLoader.EVENTS_RETENTION_DAYS);
    }
  }

  private static GatewayConfig load(Map<String, String> env) {
    return new ConfigLoader(env).load();
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(env);
    more.put(name, value);
    return more;
  }
}
