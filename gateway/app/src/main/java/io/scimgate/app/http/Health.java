package io.scimgate.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.persistence.Database;
import io.scimgate.scim.json.ScimJson;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code /health/live} (the process answers) and {@code /health/ready} (PostgreSQL answers within two
 * seconds, every connector that a connection uses is loaded, and the node is not draining). Both are unauthenticated and reveal nothing but a status.
 */
public final class Health {
  private final Pool pool;
  private final Supplier<Set<String>> missingConnectors;
  private volatile boolean draining;

  /** {@code missingConnectors}: the vendors that connections use but no loaded connector serves. */
  public Health(Pool pool, Supplier<Set<String>> missingConnectors) {
    this.pool = pool;
    this.missingConnectors = missingConnectors;
  }

  /** From now on, readiness fails, so that load balancers stop sending new requests. */
  public void startDraining() {
    draining = true;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, ScimJson.object().put("status", "UP")));
    router.get("/health/ready").handler(ctx -> {
      if (draining) {
        Responses.json(ctx, 503, ScimJson.object().put("status", "DRAINING"));
        return;
      }
      Set<String> missing = missingConnectors.get();
      if (!missing.isEmpty()) {
        ObjectNode down = ScimJson.object().put("status", "DOWN");
        missing.forEach(down.putArray("missingConnectors")::add);
        Responses.json(ctx, 503, down);
        return;
      }
      Database.ping(pool)
          .timeout(2, TimeUnit.SECONDS)
          .onSuccess(ok -> Responses.json(ctx, 200, ScimJson.object().put("status", "UP")))
          .onFailure(failure -> Responses.json(ctx, 503, ScimJson.object().put("status", "DOWN")
              .put("database", failure instanceof TimeoutException ? "timeout" : "unreachable")));
    });
  }
}
