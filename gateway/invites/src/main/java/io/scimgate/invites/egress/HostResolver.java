package io.scimgate.invites.egress;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.InetAddress;
import java.util.List;

/** Every address a host name has, resolved once: the egress check and the connection use the same answer. */
@FunctionalInterface
public interface HostResolver {
  /** Threads for look-ups: a slow DNS server ties up these, not the event loops or the shared worker pool. */
  int THREADS = 4;

  Future<List<InetAddress>> resolve(String host);

  /**
   * The system resolver ({@code /etc/hosts}, then DNS, as the rest of the JVM sees names) on worker threads of
   * its own: {@code InetAddress} blocks, and an event loop must not.
   */
  static HostResolver system(Vertx vertx) {
    WorkerExecutor lookups = vertx.createSharedWorkerExecutor("scimgate-webhook-dns", THREADS);
    return host -> lookups.executeBlocking(() -> List.of(InetAddress.getAllByName(host)), false);
  }
}
