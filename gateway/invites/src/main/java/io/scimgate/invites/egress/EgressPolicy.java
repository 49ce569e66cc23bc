package io.scimgate.invites.egress;

import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs a webhook may call (a tenant's admin chooses the URL, so it is hostile input). Checked when the URL is
 * saved, and again on the addresses the URL resolves to when it is called, because DNS answers change: a name
 * that was public when saved may point at the gateway's own network by the time it is dialled.
 * <ul>
 *   <li>https only, unless the operator allows http;</li>
 *   <li>no credentials in the URL (receivers verify the signature instead; and {@code a@b} hides the real host);</li>
 *   <li>no numeric host forms but the dotted quad ({@code 2130706433} is 127.0.0.1 to a resolver);</li>
 *   <li>no reserved names ({@code localhost}, the cloud metadata service) and no address of the classes in
 *   {@link AddressClassifier}, for every address the name has;</li>
 *   <li>except what the operator lists in the allowlist.</li>
 * </ul>
 */
public final class EgressPolicy {
  private static final Set<String> RESERVED_NAMES = Set.of("localhost", "metadata.google.internal", "metadata",
      "metadata.goog");

  private final EgressSettings settings;
  private final HostResolver resolver;

  public EgressPolicy(EgressSettings settings, HostResolver resolver) {
    this.settings = settings;
    this.resolver = resolver;
  }

  public EgressSettings settings() {
    return settings;
  }

  /** The rules that need no DNS; an {@link EgressRefusal} says which one {@code url} breaks. */
  public WebhookUrl parse(String url) {
    URI uri = uri(url);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowHttp())) {
      throw new EgressRefusal(settings.allowHttp() ? "the URL must be http or https"
          : "webhooks must use https");
    }
    if (uri.getRawUserInfo() != null) {
      throw new EgressRefusal("credentials in the URL are not allowed (receivers verify the signature instead)");
    }
    WebhookUrl parsed = WebhookUrl.of(uri);
    if (!settings.allowedHosts().allowsName(parsed.host())) {
      checkName(EgressAllowlist.normalize(parsed.host()));
    }
    return parsed;
  }

  /**
   * The address to dial: the host resolved once, and every one of its addresses checked (a name with one bad
   * address is refused, or a resolver's rotation would decide). Connecting to exactly this address keeps a
   * second, different DNS answer from ever being used.
   */
  public Future<InetAddress> admit(WebhookUrl url) {
    Optional<InetAddress> literal = IpLiterals.parse(url.host());
    Future<List<InetAddress>> addresses = literal.isPresent() ? Future.succeededFuture(List.of(literal.get()))
        : resolver.resolve(url.host());
    return addresses.map(all -> {
      if (!settings.allowedHosts().allowsName(url.host())) {
        all.forEach(address -> checkAddress(url, literal.isPresent(), address));
      }
      return all.get(0);
    });
  }

  private void checkName(String host) {
    if (RESERVED_NAMES.contains(host) || host.endsWith(".localhost")) {
      throw new EgressRefusal("'" + host + "' is a reserved host name");
    }
    if (IpLiterals.looksNumeric(host)) {
      throw new EgressRefusal(numericForm(host));
    }
  }

  private void checkAddress(WebhookUrl url, boolean literal, InetAddress address) {
    if (settings.allowedHosts().allowsAddress(address)) {
      return;
    }
    AddressClassifier.refusal(address).ifPresent(what -> {
      throw new EgressRefusal(literal ? "the host is " + what : url.host() + " resolves to " + what);
    });
  }

  private static URI uri(String url) {
    try {
      URI uri = new URI(url);
      if (uri.isAbsolute() && uri.getHost() != null && !uri.getHost().isBlank() && !uri.getHost().contains("%")) {
        return uri;
      }
      refuseNumericAuthority(uri);
    } catch (URISyntaxException e) {
      // answered below, like any other URL that cannot be called
    }
    throw new EgressRefusal("the URL must be absolute, with a host, e.g. \"https://hooks.example.com/scimgate\"");
  }

  /**
   * {@code URI} finds no host in {@code 127.1} or {@code 0x7f.1} (a last label that starts with a digit), but a
   * resolver does: say what is wrong with them rather than that there is no host.
   */
  private static void refuseNumericAuthority(URI uri) {
    String authority = uri.getRawAuthority();
    if (authority != null) {
      String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
      if (IpLiterals.looksNumeric(host)) {
        throw new EgressRefusal(numericForm(host));
      }
    }
  }

  private static String numericForm(String host) {
    return "numeric host forms other than a.b.c.d (such as " + host + ") are not allowed";
  }
}
