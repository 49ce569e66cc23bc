package io.scimgate.app.scim;

import io.scimgate.connectors.api.ScimException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * SCIM bodies are JSON (RFC 7644 §3.1, §8.1): a POST, PUT or PATCH declaring another media type (text/plain, XML,
 * a form) is 415 before its body is read. Parameters such as {@code charset} are ignored, as RFC 8259 §11 asks
 * of JSON recipients.
 *
 * <p>A body without a Content-Type is read as JSON: IdPs in the wild sometimes omit the header, the endpoint
 * and the body leave no doubt what is meant, and a malformed body is still a 400 {@code invalidSyntax}.
 * Refusing them would break provisioning for no safety gain.
 *
 * <p>The refused body is never read; the error handler deals with what is left of it, as for every answer given
 * before the body (see {@link io.scimgate.app.http.UnreadBody}).
 */
final class JsonContentType implements Handler<RoutingContext> {
  private static final Set<String> JSON = Set.of("application/scim+json", "application/json");
  private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String contentType = request.getHeader("Content-Type");
    if (!WITH_BODY.contains(request.method()) || contentType == null || JSON.contains(mediaType(contentType))) {
      ctx.next();
      return;
    }
    ctx.fail(ScimException.of(415, null, "Content-Type '" + contentType.strip() + "' is not supported; send "
        + "application/scim+json or application/json"));
  }

  private static String mediaType(String contentType) {
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
  }
}
