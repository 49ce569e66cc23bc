package io.scimgate.persistence.testing;

import io.scimgate.persistence.notify.ChangeNotices;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A connection that LISTENs on the connection view's channel ({@link ChangeNotices#CHANNEL}) and keeps the payloads
 * it is sent, in order: what every node of the gateway would hear.
 */
public final class ChangeNoticeRecorder implements AutoCloseable {
  private final PgConnection connection;
  private final BlockingQueue<String> payloads = new LinkedBlockingQueue<>();

  private ChangeNoticeRecorder(PgConnection connection) {
    this.connection = connection;
    connection.notificationHandler(notice -> payloads.add(notice.getPayload()));
  }

  public static ChangeNoticeRecorder listen(Vertx vertx, String url) throws Exception {
    ChangeNoticeRecorder recorder = new ChangeNoticeRecorder(
        PgConnection.connect(vertx, PgConnectOptions.fromUri(url)).await(10, TimeUnit.SECONDS));
    // the channel is a constant, not input: LISTEN takes no bind parameter
    recorder.connection.query("LISTEN " + ChangeNotices.CHANNEL).execute().await(10, TimeUnit.SECONDS);
    return recorder;
  }

  /**
   * The payloads heard from now on up to and including {@code payload}, in the order they were sent (PostgreSQL
   * delivers notices in commit order); an {@link AssertionError} when {@code payload} does not come within five
   * seconds.
   */
  public List<String> until(String payload) throws InterruptedException {
    List<String> heard = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (heard.isEmpty() || !heard.get(heard.size() - 1).equals(payload)) {
      String next = payloads.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("no notice " + payload + " within 5 s; heard " + heard);
      }
      heard.add(next);
    }
    return heard;
  }

  @Override
  public void close() throws Exception {
    connection.close().await(10, TimeUnit.SECONDS);
  }
}
