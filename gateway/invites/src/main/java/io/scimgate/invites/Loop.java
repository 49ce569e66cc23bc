package io.scimgate.invites;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step again and again while it finds work, one run at a time. A kick during a run schedules another
 * run after it, so no wake-up is lost; kicks while idle start a run. Used from one Vert.x context only (its
 * verticle's), hence no locks.
 */
final class Loop {
  private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

  private final String name;
  private final Supplier<Future<Integer>> step;
  private final Runnable afterWork;
  private boolean running;
  private boolean again;
  private boolean stopped;
  private Promise<Void> idle;

  /** {@code step} completes with the amount of work done; {@code afterWork} runs after each step that did some. */
  Loop(String name, Supplier<Future<Integer>> step, Runnable afterWork) {
    this.name = name;
    this.step = step;
    this.afterWork = afterWork;
  }

  void kick() {
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    run();
  }

  private void run() {
    step.get().onComplete(result -> {
      if (result.failed()) {
        LOG.warn("{} failed, retrying on the next poll: {}", name, result.cause().getMessage());
      }
      boolean worked = result.succeeded() && result.result() > 0;
      if (worked) {
        afterWork.run();
      }
      if (!stopped && (worked || again)) {
        again = false;
        run();
        return;
      }
      running = false;
      if (idle != null) {
        idle.tryComplete();
      }
    });
  }

  /** No new runs; completes when the current one (if any) has finished. */
  Future<Void> stop() {
    stopped = true;
    if (!running) {
      return Future.succeededFuture();
    }
    idle = Promise.promise();
    return idle.future();
  }
}
