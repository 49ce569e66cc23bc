package io.scimgate.app.scim;

import io.scimgate.app.auth.ScimAuthHandler;
import io.scimgate.app.http.Params;
import io.scimgate.app.observability.Rejections;
import io.scimgate.connectors.api.ScimException;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most a few SCIM and admin requests of one tenant run on this node at a time (each holds one database
 * connection at a time: a list sends its count, when it needs one, after its page), so that one tenant's heavy
 * searches or bulk pushes cannot take the whole pool while other tenants wait. Single-resource writes (POST, PUT,
 * PATCH, DELETE of one resource) have slots of their own, more of them: each is one short statement, and concurrent
 * ones share statements (group commit), which a gate of a few would prevent. A few more requests wait for a turn (a
 * burst is smoothed, not refused); past that, or after waiting {@code maxWait}, the answer is 429 with
 * {@code Retry-After}. A waiting request whose client went away is never started.
 */
public final class TenantGate implements Handler<RoutingContext> {
  private static final String ADMITTED = "tenantGateAdmitted";
  private final Map<UUID, TenantSlots> reads = new ConcurrentHashMap<>();
  private final Map<UUID, TenantSlots> writes = new ConcurrentHashMap<>();
  private final int maxRunning;
  private final int maxRunningWrites;
  private final int maxQueued;
  private final Duration maxWait;

  /**
   * @param maxRunning       reads, searches and Bulk requests of one tenant running at once
   * @param maxRunningWrites single-resource writes of one tenant running at once
   */
  public TenantGate(int maxRunning, int maxRunningWrites, int maxQueued, Duration maxWait) {
    this.maxRunning = maxRunning;
    this.maxRunningWrites = maxRunningWrites;
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
    TenantSlots slots = isSingleWrite(ctx)
        ? writes.computeIfAbsent(tenantId, tenant -> new TenantSlots(maxRunningWrites, maxQueued))
        : reads.computeIfAbsent(tenantId, tenant -> new TenantSlots(maxRunning, maxQueued));
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

  /** A write of one resource: not a read, not a search (POST .../.search), not a Bulk request. */
  static boolean isSingleWrite(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH
        && method != HttpMethod.DELETE) {
      return false;
    }
    String path = ctx.request().path().toLowerCase(Locale.ROOT);
    return !path.endsWith("/.search") && !path.endsWith("/bulk") && !path.endsWith("/bulk/");
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
