package io.scimgate.invites.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The egress rules, with a resolver that answers from a table (so no test here depends on real DNS). */
class EgressPolicyTest {
  private static final Map<String, List<String>> DNS = Map.of(
      "hooks.example.com", List.of("93.184.215.14"),
      "rebound.example.com", List.of("93.184.215.14", "127.0.0.1"),
      "internal.example.com", List.of("10.20.30.40"),
      "mapped.example.com", List.of("::ffff:169.254.169.254"),
      "nat64.example.com", List.of("64:ff9b::a00:1"),
      "onprem.internal", List.of("10.20.1.2"));

  private static final EgressPolicy STRICT = policy(EgressSettings.strict());

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      http://hooks.example.com/x                         | webhooks must use https
      ftp://hooks.example.com/x                          | webhooks must use https
      https://user:pw@hooks.example.com/x                | credentials
      https://hooks.example.com@127.0.0.1/x              | credentials
      https://localhost/                                 | reserved host name
      https://Localhost./                                | reserved host name
      https://a.b.localhost/                             | reserved host name
      https://metadata.google.internal/                  | reserved host name
      https://2130706433/                                | numeric host forms
      https://0x7f000001/                                | numeric host forms
      https://0x7f.1/                                    | numeric host forms
      https://0177.0.0.1/                                | numeric host forms
      https://127.000.000.001/                           | numeric host forms
      https://10.1/                                      | numeric host forms
      https://[fe80::1%25eth0]/                          | absolute, with a host
      hooks.example.com/x                                | absolute, with a host
      """)
  void refusesWithoutAskingDns(String url, String reason) {
    assertThatThrownBy(() -> STRICT.parse(url)).isInstanceOf(EgressRefusal.class).hasMessageContaining(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      https://127.0.0.1/                   | the host is a loopback address
      https://[::1]/                       | the host is a loopback address
      https://[::ffff:127.0.0.1]/          | the host is a loopback address
      https://[::127.0.0.1]/               | the host is a loopback address
      https://0.0.0.0/                     | the host is an unspecified address
      https://[::]/                        | the host is an unspecified address
      https://169.254.169.254/             | the host is a link-local address
      https://[fe80::1]/                   | the host is a link-local address
      https://10.0.0.1/                    | the host is a private address
      https://172.16.5.4/                  | the host is a private address
      https://192.168.0.1/                 | the host is a private address
      https://[fd12:3456::1]/              | the host is a unique-local address
      https://[fc00::1]/                   | the host is a unique-local address
      https://100.64.0.1/                  | the host is a shared address space (CGNAT) address
      https://239.255.255.250/             | the host is a multicast address
      https://[ff05::2]/                   | the host is a multicast address
      https://255.255.255.255/             | the host is a reserved address
      https://[2002:7f00:1::]/             | the host is a loopback address
      https://rebound.example.com/         | rebound.example.com resolves to a loopback address
      https://internal.example.com/        | internal.example.com resolves to a private address
      https://mapped.example.com/          | mapped.example.com resolves to a link-local address
      https://nat64.example.com/           | nat64.example.com resolves to a private address
      """)
  void refusesBlockedAddresses(String url, String reason) {
    assertThatThrownBy(() -> admit(STRICT, url)).isInstanceOf(EgressRefusal.class).hasMessage(reason);
  }

  @Test
  void admitsPublicAddressesAndDialsTheCheckedOne() throws Exception {
    assertThat(admit(STRICT, "https://hooks.example.com/x")).isEqualTo(InetAddress.getByName("93.184.215.14"));
    assertThat(admit(STRICT, "https://8.8.8.8/")).isEqualTo(InetAddress.getByName("8.8.8.8"));
    assertThat(admit(STRICT, "https://172.32.0.1/")).isEqualTo(InetAddress.getByName("172.32.0.1"));
    assertThat(admit(STRICT, "https://[2606:4700::1111]/")).isEqualTo(InetAddress.getByName("2606:4700::1111"));
  }

  @Test
  void theOperatorsAllowlistLetsListedHostsAndRangesThrough() throws Exception {
    EgressPolicy onPremises = policy(new EgressSettings(true,
        EgressAllowlist.parse("127.0.0.1, 10.20.0.0/16, onprem.internal, localhost"), Duration.ofSeconds(10)));
    assertThat(admit(onPremises, "http://127.0.0.1:8080/hook")).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(admit(onPremises, "https://internal.example.com/")).isEqualTo(InetAddress.getByName("10.20.30.40"));
    assertThat(admit(onPremises, "https://onprem.internal/")).isEqualTo(InetAddress.getByName("10.20.1.2"));
    assertThat(onPremises.parse("https://localhost:9000/").host()).isEqualTo("localhost");
    assertThatThrownBy(() -> admit(onPremises, "https://127.0.0.2/")).hasMessageContaining("loopback");
    assertThatThrownBy(() -> admit(onPremises, "https://10.21.0.1/")).hasMessageContaining("private");
    assertThatThrownBy(() -> onPremises.parse("https://2130706433/")).hasMessageContaining("numeric");
    assertThatThrownBy(() -> onPremises.parse("https://u:p@onprem.internal/")).hasMessageContaining("credentials");
  }

  @Test
  void cidrRanges() throws Exception {
    assertThat(Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.31.255.255"))).isTrue();
    assertThat(Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.32.0.0"))).isFalse();
    assertThat(Cidr.parse("fc00::/7").contains(InetAddress.getByName("fdff::1"))).isTrue();
    assertThat(Cidr.parse("fc00::/7").contains(InetAddress.getByName("fe00::1"))).isFalse();
    assertThat(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("::ffff:10.0.0.1"))).isTrue();
    assertThat(Cidr.parse("::/0").contains(InetAddress.getByName("10.0.0.1"))).isFalse();
    for (String bad : List.of("10.0.0.0/33", "10.0.0/8", "host.example.com/8", "::1/129", "10.0.0.0/")) {
      assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  static EgressPolicy policy(EgressSettings settings) {
    return new EgressPolicy(settings, host -> {
      List<String> addresses = DNS.get(host);
      if (addresses == null) {
        return Future.failedFuture(new java.net.UnknownHostException(host));
      }
      return Future.succeededFuture(addresses.stream().map(EgressPolicyTest::literal).toList());
    });
  }

  private static InetAddress admit(EgressPolicy policy, String url) throws Exception {
    return policy.admit(policy.parse(url)).await(5, TimeUnit.SECONDS);
  }

  private static InetAddress literal(String address) {
    return IpLiterals.parse(address).orElseThrow();
  }
}
