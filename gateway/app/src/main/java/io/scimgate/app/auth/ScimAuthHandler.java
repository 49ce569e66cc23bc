package io.scimgate.app.auth;

import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.connection.ConnectionStatus;
import io.scimgate.persistence.connection.ScimConnection;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.UUID;

/**
 * Authenticates a request to {@code /scim/v2/{connectionId}/...}: the bearer token must be a connection token
 * of that very connection, of a generation the connection still accepts, and the connection must be enabled.
 * All of it is checked against the in-memory {@link ConnectionView}, without a database round trip.
 *
 * <p>Any failure is a 401 (with {@code WWW-Authenticate: Bearer}); a valid token of a tenant whose SCIM
 * feature is off is a 403.
 */
public final class ScimAuthHandler implements Handler<RoutingContext> {
  private static final String KEY = "scimConnection";

  private final TokenService tokens;
  private final ConnectionView connectionView;

  private ScimAuthHandler(TokenService tokens, ConnectionView connectionView) {
    this.tokens = tokens;
    this.connectionView = connectionView;
  }

  public static ScimAuthHandler create(TokenService tokens, ConnectionView connectionView) {
    return new ScimAuthHandler(tokens, connectionView);
  }

  /** The authenticated connection of this request. */
  public static ScimConnection connection(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = BearerTokens.from(ctx);
    if (token == null) {
      ctx.fail(unauthorized("A bearer token is required (Authorization: Bearer <token>)"));
      return;
    }
    // The body handler runs after this one; while a lookup is in flight the body must not be lost.
    ctx.request().pause();
    tokens.verifyConnection(token)
        .recover(invalid -> Future.failedFuture(unauthorized("The bearer token is invalid or expired")))
        .compose(claims -> currentView(ctx.pathParam("connectionId"), claims)
            .map(connection -> authorize(ctx.pathParam("connectionId"), claims, connection)))
        .onSuccess(connection -> {
          ctx.put(KEY, connection);
          ctx.next();
        })
        .onFailure(failure -> {
          ctx.request().resume();
          ctx.fail(failure);
        });
  }

  /**
   * This node's view of the token's connection; reloaded from the database only when the view may be behind
   * in the token's favour (an unknown connection, or a newer token generation than it knows). Tokens with a
   * valid signature are the only way to get here, so nobody can make the gateway query at will.
   */
  private Future<ScimConnection> currentView(String pathConnectionId, JsonObject claims) {
    String subject = claims.getString("sub");
    Integer generation = claims.getInteger("gen");
    if (subject == null || !subject.equals(pathConnectionId) || generation == null) {
      return Future.succeededFuture(null);
    }
    UUID id = UUID.fromString(subject);
    ScimConnection known = connectionView.get(id);
    return known != null && generation <= known.tokenGeneration() ? Future.succeededFuture(known)
        : connectionView.reload(id);
  }

  private ScimConnection authorize(String pathConnectionId, JsonObject claims, ScimConnection connection) {
    String subject = claims.getString("sub");
    if (subject == null || !subject.equals(pathConnectionId)) {
      throw unauthorized("The bearer token does not belong to this SCIM connection");
    }
    Integer generation = claims.getInteger("gen");
    if (connection == null || generation == null
        || !connection.tenantId().toString().equals(claims.getString("tid"))) {
      throw unauthorized("The bearer token was revoked");
    }
    if (connection.status() != ConnectionStatus.ENABLED) {
      throw unauthorized("This SCIM connection is disabled");
    }
    if (!connection.acceptsGeneration(generation, Instant.now())) {
      throw unauthorized("The bearer token was rotated out and no longer works");
    }
    if (!connection.tenantScimEnabled()) {
      throw ScimException.of(403, null, "SCIM is not enabled for this account");
    }
    return connection;
  }

  private static ScimException unauthorized(String detail) {
    return ScimException.of(401, null, detail);
  }
}
