package io.scimgate.invites.egress;

import java.net.URI;

/**
 * A webhook URL that passed the egress rules that need no DNS.
 *
 * @param host the host as written, without IPv6 brackets (the Host header and TLS name)
 * @param pathAndQuery what goes on the request line
 */
public record WebhookUrl(URI uri, boolean https, String host, int port, String pathAndQuery) {

  static WebhookUrl of(URI uri) {
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
        : uri.getHost();
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new WebhookUrl(uri, https, host, port, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
  }

  @Override
  public String toString() {
    return (https ? "https://" : "http://") + host + ":" + port; // never the path: some receivers put a token there
  }
}
