package io.scimgate.app.observability;

import io.vertx.ext.web.RoutingContext;

/**
 * Why a request was refused with 429, as the refusing handler marks it: the {@code reason} label of
 * {@code scimgate_rate_limit_rejections_total}.
 */
public final class Rejections {
  public static final String CONNECTION_BUDGET = "connection_budget";
  public static final String TENANT_BUDGET = "tenant_budget";
  /** The tenant's running and waiting requests on this node were at their limit (the tenant gate). */
  public static final String TENANT_BUSY = "tenant_busy";
  static final String OTHER = "other";
  private static final String KEY = "scimgate.rejection";

  private Rejections() {}

  public static void mark(RoutingContext ctx, String reason) {
    ctx.put(KEY, reason);
  }

  static String of(RoutingContext ctx) {
    String reason = ctx.get(KEY);
    return reason == null ? OTHER : reason;
  }
}
