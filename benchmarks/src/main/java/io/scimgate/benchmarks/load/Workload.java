package io.scimgate.benchmarks.load;

import io.vertx.core.Future;
import java.util.Random;

/**
 * One IdP operation, as a sequence of requests (for example Okta's lookup then create). Steps run
 * concurrently on one event loop; each completes (never fails) when its last request answered.
 */
interface Workload {
  Future<Void> step(Random random);
}
