package io.scimgate.app.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies the gateway's two kinds of bearer JWT (HS256): admin tokens and SCIM connection tokens.
 *
 * <p>Each kind is signed with its own key derived from the signing secret (HMAC-SHA256 of a label), and has
 * its own audience, so a token of one kind never verifies as the other. Verification is local CPU work: no
 * database round trip on the request path.
 */
public final class TokenService {
  public static final String ISSUER = "scimgate";
  public static final String ADMIN_AUDIENCE = "scimgate-admin";
  public static final String SCIM_AUDIENCE = "scimgate-scim";

  private final JWTAuth adminAuth;
  private final JWTAuth scimAuth;
  private final String csrfKey;
  private final VerifiedTokens verifiedConnectionTokens = new VerifiedTokens();

  public TokenService(Vertx vertx, String signingSecret) {
    this.adminAuth = jwt(vertx, derive(signingSecret, "admin-tokens/v1"), ADMIN_AUDIENCE);
    this.scimAuth = jwt(vertx, derive(signingSecret, "scim-connection-tokens/v1"), SCIM_AUDIENCE);
    this.csrfKey = derive(signingSecret, "portal-csrf/v1");
  }

  /** An operator's admin token for {@code subject}, valid for {@code ttlSeconds}: every tenant. */
  public String issueAdminToken(String subject, int ttlSeconds) {
    return issueAdminToken(subject, ttlSeconds, null);
  }

  /**
   * An admin token limited to one tenant ({@code tid} claim) when {@code tenantId} is given: the same admin API,
   * for a company's own automation, that answers 404 for other tenants and 403 on operator-only routes.
   */
  public String issueAdminToken(String subject, int ttlSeconds, UUID tenantId) {
    JWTOptions options = options(ADMIN_AUDIENCE).setSubject(subject).setExpiresInSeconds(ttlSeconds);
    JsonObject claims = new JsonObject().put("jti", UUID.randomUUID().toString());
    if (tenantId != null) {
      claims.put("tid", tenantId.toString());
    }
    return adminAuth.generateToken(claims, options);
  }

  /**
   * The CSRF token of a portal session: an HMAC of its id, so nothing more is stored and every node computes the
   * same value; a page of another site can neither read the cookie nor compute this.
   */
  public String csrfToken(String sessionId) {
    return hmac(csrfKey, sessionId);
  }

  /**
   * A connection's token. It names the tenant, the connection and the token generation; rotation moves the
   * connection to a new generation, which revokes older tokens without storing any of them.
   */
  public String issueConnectionToken(UUID tenantId, UUID connectionId, int generation) {
    return issueConnectionToken(tenantId, connectionId, generation, null);
  }

  /**
   * As above, with an expiry {@code ttlSeconds} from now ({@code null}: none). IdPs hold tokens for years, so
   * tokens do not expire unless the admin asks; rotation and disabling revoke them either way.
   */
  public String issueConnectionToken(UUID tenantId, UUID connectionId, int generation, Integer ttlSeconds) {
    JsonObject claims = new JsonObject().put("tid", tenantId.toString()).put("gen", generation)
        .put("jti", UUID.randomUUID().toString());
    if (ttlSeconds != null) {
      // set directly: JWTOptions ignores non-positive lifetimes, and expiry is checked against this claim
      claims.put("exp", java.time.Instant.now().getEpochSecond() + ttlSeconds);
    }
    return scimAuth.generateToken(claims, options(SCIM_AUDIENCE).setSubject(connectionId.toString()));
  }

  /** Verifies signature, issuer, audience and expiry of an admin token; the claims. */
  public Future<JsonObject> verifyAdmin(String token) {
    return adminAuth.authenticate(new TokenCredentials(token)).map(user -> user.principal());
  }

  /**
   * Verifies signature, issuer, audience and expiry (if any) of a connection token; the claims. A token verified
   * before is not verified again (see {@link VerifiedTokens}).
   */
  public Future<JsonObject> verifyConnection(String token) {
    String fingerprint = fingerprint(token);
    JsonObject known = verifiedConnectionTokens.get(fingerprint);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return scimAuth.authenticate(new TokenCredentials(token)).map(user -> user.principal())
        .onSuccess(claims -> verifiedConnectionTokens.remember(fingerprint, claims));
  }

  /** SHA-256 of a token, hex: stored to tell tokens apart; the token itself is never stored. */
  public static String fingerprint(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static JWTOptions options(String audience) {
    return new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER).setAudience(List.of(audience));
  }

  private static JWTAuth jwt(Vertx vertx, String key, String audience) {
    JWTAuthOptions options = new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(key))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setAudience(List.of(audience)).setLeeway(5));
    return JWTAuth.create(vertx, options);
  }

  private static String derive(String secret, String label) {
    return hmac(secret, label);
  }

  private static String hmac(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
