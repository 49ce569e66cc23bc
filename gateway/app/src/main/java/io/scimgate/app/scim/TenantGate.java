package io.scimgate.app.scim;

import io.scimgate.app.auth.ScimAuthHandler;
import io.scimgate.app.http.Params;
import io.scimgate.app.observability.Rejections;
import io.scimgate.connectors.api.ScimException;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most a few SCIM and admin requests of one tenant run on this node at a time (each holds one database
 * connection at a time: a list sends its count, when it needs one, after its page), so that one tenant's heavy
 * searches or bulk pushes cannot take the whole pool while other tenants wait. A few more wait for a turn (a burst is smoothed, not refused); past that, or after waiting
 * {@code maxWait}, the answer is 429 with {@code Retry-After}. A waiting request whose client went away is never
 * started.
 */
public final class TenantGate implements Handler<RoutingContext> {
  private static final String ADMITTED = "tenantGateAdmitted";
  private final Map<UUID, TenantSlots> tenants = new ConcurrentHashMap<>();
  private final int maxRunning;
  private final int maxQueued;
  private final Duration maxWait;

  public TenantGate(int maxRunning, int maxQueued, Duration maxWait) {
    this.maxRunning = maxRunning;
    this.maxQueued = maxQueued;
    this.maxWait = maxWait;
  }

  /** On the SCIM API: the tenant of the authenticated connection. */
  @Override
  public void handle(RoutingContext ctx) {
    admit(ctx, ScimAuthHandler.connection(ctx).tenantId());
  }

  /**
   * On the admin API, below {@code /tenants/{tenantId}}: the same slots as that tenant's SCIM requests, so that a
   * company admin's heavy searches in the portal cannot take the pool either.
   */
  public Handler<RoutingContext> forTenantPath() {
    return ctx -> {
      UUID tenant = Params.uuidOrNull(ctx, "tenantId");
      if (tenant == null) {
        ctx.next();
      } else {
        admit(ctx, tenant);
      }
    };
  }


  private void admit(RoutingContext ctx, UUID tenantId) {
    // a path may match more than one route this gate is mounted on ("/tenants/x" and "/tenants/x/*"): one slot
    if (ctx.get(ADMITTED) != null) {
      ctx.next();
      return;
    }
    ctx.put(ADMITTED, Boolean.TRUE);
    TenantSlots slots = tenants.computeIfAbsent(tenantId, tenant -> new TenantSlots(maxRunning, maxQueued));
    Context context = ctx.vertx().getOrCreateContext();
    AtomicBoolean started = new AtomicBoolean();
    Runnable start = () -> context.runOnContext(turn -> begin(ctx, slots, started));
    switch (slots.admit(start)) {
      case RUN -> begin(ctx, slots, started);
      case FULL -> {
        Rejections.mark(ctx, Rejections.TENANT_BUSY);
        ctx.fail(busy("too many of its requests are running or waiting"));
      }
      case QUEUED -> awaitTurn(ctx, slots, start);
    }
  }

  private void awaitTurn(RoutingContext ctx, TenantSlots slots, Runnable start) {
    long timer = ctx.vertx().setTimer(maxWait.toMillis(), expired -> {
      if (slots.withdraw(start)) {
        Rejections.mark(ctx, Rejections.TENANT_BUSY);
        ctx.fail(busy("its requests waited " + maxWait.toMillis() + " ms for a turn"));
      }
    });
    ctx.addEndHandler(ended -> {
      ctx.vertx().cancelTimer(timer);
      slots.withdraw(start);
    });
  }

  private void begin(RoutingContext ctx, TenantSlots slots, AtomicBoolean started) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    AtomicBoolean released = new AtomicBoolean();
    Runnable releaseOnce = () -> {
      if (released.compareAndSet(false, true)) {
        Runnable next = slots.release();
        if (next != null) {
          next.run();
        }
      }
    };
    ctx.addEndHandler(ended -> releaseOnce.run());
    if (ctx.response().closed()) {
      // the client gave up while waiting: start none of its statements
      releaseOnce.run();
      return;
    }
    ctx.next();
  }

  private static ScimException busy(String why) {
    return ScimException.of(429, null, "This tenant has too much work in progress on this node (" + why
        + "); retry after a few seconds");
  }
}
