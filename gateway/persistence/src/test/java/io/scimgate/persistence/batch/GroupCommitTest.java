package io.scimgate.persistence.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimgate.persistence.Database;
import io.scimgate.persistence.batch.GroupCommit.Waiting;
import io.scimgate.persistence.testing.TestDatabase;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batcher ({@link GroupCommit}) on its own, with a real pool and a table of its own: its callers (user
 * creates, active flips, membership PATCHes) test their statements, this tests the promises they all rely on.
 * Concurrent writes of one key fold into fewer statements; a lone write goes at once, alone; a batch statement
 * that fails is retried one write at a time so only the bad write fails; writes of one key go in arrival order
 * with one statement of that key in flight, while other keys do not wait; writes of one row ({@code distinct})
 * never share a statement; writes from other threads hop onto the first caller's event loop. The statements are
 * counted and recorded by the functions handed to the batcher, as they are called.
 */
class GroupCommitTest {
  private static final int MAX_BATCH = 16;
  private static TestDatabase database;
  private static Vertx vertx;
  private static Pool pool;

  private Statements statements;
  private GroupCommit<String, Write, Stored> commits;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.create();
    vertx = Vertx.vertx();
    pool = Database.pool(vertx, database.url(), 8);
    pool.query("CREATE TABLE writes (id bigserial PRIMARY KEY, key text NOT NULL, seq int NOT NULL,"
        + " payload text NOT NULL CHECK (payload <> 'poison'))").execute().await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    pool.close().await();
    vertx.close().await();
    database.close();
  }

  @BeforeEach
  void freshBatcher() throws Exception {
    pool.query("TRUNCATE writes").execute().await(10, TimeUnit.SECONDS);
    statements = new Statements();
    commits = new GroupCommit<>(MAX_BATCH, Write::key, Write::row, statements::alone, statements::together);
  }

  @Test
  void concurrentWritesOfOneKeyFoldIntoFullBatchesEachAnsweredFromItsOwnRow() throws Exception {
    List<Write> writes = IntStream.range(0, 100).mapToObj(i -> Write.of("k", i)).toList();
    List<Future<Stored>> answers = submitOnOneLoop(writes);
    List<Stored> stored = awaitAll(answers);

    // the first finds nothing in flight and goes alone; the 99 that arrived meanwhile go 16 at a time
    assertThat(statements.sizes()).containsExactly(1, 16, 16, 16, 16, 16, 16, 3);
    assertThat(statements.alone).hasValue(1);
    Map<Integer, Long> idBySeq = idsBySeq();
    assertThat(idBySeq).hasSize(100);
    for (int i = 0; i < writes.size(); i++) {
      assertThat(stored.get(i).seq()).isEqualTo(i);
      assertThat(stored.get(i).id()).as("write %d is answered from its own row", i).isEqualTo(idBySeq.get(i));
    }
  }

  @Test
  void aFailingWriteInABatchFailsAloneAndItsNeighboursAreStored() throws Exception {
    List<Write> writes = IntStream.range(0, 10)
        .mapToObj(i -> i == 5 ? new Write("k", i, "poison", "row-" + i) : Write.of("k", i)).toList();
    List<Future<Stored>> answers = submitOnOneLoop(writes);
    settle(answers);

    assertThat(answers.get(5).failed()).isTrue();
    assertThat(answers.get(5).cause()).isInstanceOf(PgException.class);
    assertThat(((PgException) answers.get(5).cause()).getSqlState()).as("check_violation").isEqualTo("23514");
    for (int i = 0; i < writes.size(); i++) {
      if (i != 5) {
        assertThat(answers.get(i).succeeded()).as("write %d", i).isTrue();
        assertThat(answers.get(i).result().seq()).isEqualTo(i);
      }
    }
    assertThat(idsBySeq().keySet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 6, 7, 8, 9);
    // the lone first write, the batch of the nine that failed as a whole, then those nine alone and in order
    assertThat(statements.together).hasValue(1);
    assertThat(statements.seqsOfEachStatement()).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9),
        List.of(1), List.of(2), List.of(3), List.of(4), List.of(5), List.of(6), List.of(7), List.of(8), List.of(9));
  }

  @Test
  void aLoneWriteIsSentAtOnceByItsOwnStatement() throws Exception {
    Context loop = newEventLoopContext();
    int[] aloneWhenSubmitReturned = new int[1];
    Future<Stored> first = onLoop(loop, () -> {
      Future<Stored> answer = commits.submit(Write.of("k", 1));
      aloneWhenSubmitReturned[0] = statements.alone.get();
      return answer;
    });
    assertThat(aloneWhenSubmitReturned[0]).as("sent within submit, waiting for no company").isEqualTo(1);
    assertThat(first.await(10, TimeUnit.SECONDS).seq()).isEqualTo(1);

    Future<Stored> later = onLoop(loop, () -> commits.submit(Write.of("k", 2)));
    assertThat(later.await(10, TimeUnit.SECONDS).seq()).isEqualTo(2);
    assertThat(statements.alone).as("nothing was left in flight to wait behind").hasValue(2);
    assertThat(statements.together).hasValue(0);
  }

  @Test
  void aWriteFromOutsideVertxGoesAloneAtOnce() throws Exception {
    Stored stored = commits.submit(Write.of("k", 7)).await(10, TimeUnit.SECONDS);
    assertThat(stored.seq()).isEqualTo(7);
    assertThat(idsBySeq()).containsEntry(7, stored.id());
    assertThat(statements.alone).hasValue(1);
    assertThat(statements.threads).as("the caller's thread: there is no event loop to batch on")
        .containsExactly(Thread.currentThread().getName());
  }

  @Test
  void writesOfOneKeyGoInArrivalOrderOneStatementAtATimeWhileOtherKeysDoNotWait() throws Exception {
    List<String> keys = List.of("a", "b", "c", "d");
    List<Write> writes = IntStream.range(0, 200).mapToObj(i -> Write.of(keys.get(i % keys.size()), i)).toList();
    awaitAll(submitOnOneLoop(writes));

    assertThat(statements.maxInFlightOfOneKey).as("one statement of a key in flight at a time").hasValue(1);
    assertThat(statements.maxInFlight).as("each key has its own statement in flight").hasValue(keys.size());
    for (String key : keys) {
      List<Integer> submitted = writes.stream().filter(w -> w.key().equals(key)).map(Write::seq).toList();
      List<Integer> sent = statements.seqsOfEachStatement().stream().flatMap(List::stream)
          .filter(seq -> writes.get(seq).key().equals(key)).toList();
      assertThat(sent).as("key %s, in the order its statements were sent", key).isEqualTo(submitted);
      assertThat(seqsInInsertOrder(key)).as("key %s, in the order the rows were inserted", key).isEqualTo(submitted);
    }
    assertThat(statements.sizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(MAX_BATCH));
    assertThat(statements.sizes()).as("fewer statements than writes").hasSizeLessThan(writes.size() / 4);
  }

  @Test
  void writesOfOneRowNeverShareAStatement() throws Exception {
    List<Write> writes = List.of(new Write("k", 0, "p", "r0"), new Write("k", 1, "p", "x"),
        new Write("k", 2, "p", "x"), new Write("k", 3, "p", "y"), new Write("k", 4, "p", "x"),
        new Write("k", 5, "p", "z"));
    awaitAll(submitOnOneLoop(writes));

    // a batch ends before the second write of a row, which starts the next one
    assertThat(statements.seqsOfEachStatement()).containsExactly(List.of(0), List.of(1), List.of(2, 3),
        List.of(4, 5));
    assertThat(idsBySeq()).hasSize(6);
  }

  @Test
  void writesFromAnotherEventLoopAreSentFromTheFirstCallersLoop() throws Exception {
    Context home = newEventLoopContext();
    String homeThread = onLoop(home, () -> Thread.currentThread().getName());
    Context other = newEventLoopContext(); // each deployment takes the next event loop in turn
    assertThat(onLoop(other, () -> Thread.currentThread().getName())).as("two event loops")
        .isNotEqualTo(homeThread);

    List<Future<Stored>> answers = new ArrayList<>();
    answers.add(onLoop(home, () -> commits.submit(Write.of("k", 0))));
    answers.addAll(onLoop(other, () -> IntStream.range(1, 50).mapToObj(i -> commits.submit(Write.of("k", i)))
        .toList()));
    awaitAll(answers);

    assertThat(statements.threads).as("every statement was sent from the first caller's loop")
        .containsExactly(homeThread);
    assertThat(statements.maxInFlightOfOneKey).hasValue(1);
    assertThat(seqsInInsertOrder("k")).isEqualTo(IntStream.range(0, 50).boxed().toList());
  }

  private List<Future<Stored>> submitOnOneLoop(List<Write> writes) throws Exception {
    return onLoop(newEventLoopContext(), () -> writes.stream().map(commits::submit).toList());
  }

  /** The context of a new verticle, as each HTTP verticle of a node has its own. */
  private static Context newEventLoopContext() throws Exception {
    Promise<Context> deployed = Promise.promise();
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        deployed.complete(context);
        return Future.succeededFuture();
      }
    }).await(10, TimeUnit.SECONDS);
    return deployed.future().await(10, TimeUnit.SECONDS);
  }

  /** Runs {@code work} on {@code context}'s event loop and hands back what it returned. */
  private static <T> T onLoop(Context context, Supplier<T> work) throws Exception {
    Promise<T> result = Promise.promise();
    context.runOnContext(ignored -> result.complete(work.get()));
    return result.future().await(10, TimeUnit.SECONDS);
  }

  private static List<Stored> awaitAll(List<Future<Stored>> answers) throws Exception {
    Future.all(answers).await(60, TimeUnit.SECONDS);
    return answers.stream().map(Future::result).toList();
  }

  private static void settle(List<Future<Stored>> answers) throws Exception {
    Future.join(answers).otherwise(failed -> null).await(60, TimeUnit.SECONDS);
  }

  private static Map<Integer, Long> idsBySeq() throws Exception {
    Map<Integer, Long> ids = new HashMap<>();
    for (Row row : pool.query("SELECT id, seq FROM writes").execute().await(10, TimeUnit.SECONDS)) {
      ids.put(row.getInteger("seq"), row.getLong("id"));
    }
    return ids;
  }

  private static List<Integer> seqsInInsertOrder(String key) throws Exception {
    List<Integer> seqs = new ArrayList<>();
    pool.preparedQuery("SELECT seq FROM writes WHERE key = $1 ORDER BY id").execute(Tuple.of(key))
        .await(10, TimeUnit.SECONDS).forEach(row -> seqs.add(row.getInteger(0)));
    return seqs;
  }

  /** One write: its key, its number (unique in a test), what it stores, and the row it counts as for distinct. */
  record Write(String key, int seq, String payload, String row) {
    static Write of(String key, int seq) {
      return new Write(key, seq, "p" + seq, "row-" + seq);
    }
  }

  /** A stored write: its row's id and its number. */
  record Stored(long id, int seq) {}

  /**
   * The two statements handed to the batcher, which count and record every call: the writes it carried (in the
   * order the calls were made), the thread it was made on, and how many statements were in flight, per key and
   * in all.
   */
  private static final class Statements {
    final AtomicInteger alone = new AtomicInteger();
    final AtomicInteger together = new AtomicInteger();
    final List<List<Write>> sent = new CopyOnWriteArrayList<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final Map<String, AtomicInteger> inFlightByKey = new ConcurrentHashMap<>();
    final AtomicInteger maxInFlightOfOneKey = new AtomicInteger();

    Future<Stored> alone(Write write) {
      alone.incrementAndGet();
      started(List.of(write));
      return pool.preparedQuery("INSERT INTO writes (key, seq, payload) VALUES ($1, $2, $3) RETURNING id, seq")
          .execute(Tuple.of(write.key(), write.seq(), write.payload()))
          .map(rows -> stored(rows.iterator().next()))
          .onComplete(done -> finished(write.key()));
    }

    Future<Void> together(List<Waiting<Write, Stored>> batch) {
      together.incrementAndGet();
      List<Write> writes = batch.stream().map(Waiting::write).toList();
      started(writes);
      Tuple params = Tuple.of(writes.stream().map(Write::key).toArray(String[]::new),
          writes.stream().map(Write::seq).toArray(Integer[]::new),
          writes.stream().map(Write::payload).toArray(String[]::new));
      return pool.preparedQuery("INSERT INTO writes (key, seq, payload) SELECT * FROM unnest($1::text[],"
              + " $2::int[], $3::text[]) RETURNING id, seq")
          .execute(params)
          .onComplete(done -> finished(writes.get(0).key()))
          .map(rows -> {
            List<Stored> stored = new ArrayList<>();
            rows.forEach(row -> stored.add(stored(row)));
            return GroupCommit.answerById(batch, stored, Stored::seq, Write::seq);
          });
    }

    private void started(List<Write> writes) {
      sent.add(writes);
      threads.add(Thread.currentThread().getName());
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      int ofKey = inFlightByKey.computeIfAbsent(writes.get(0).key(), k -> new AtomicInteger()).incrementAndGet();
      maxInFlightOfOneKey.accumulateAndGet(ofKey, Math::max);
    }

    private void finished(String key) {
      inFlight.decrementAndGet();
      inFlightByKey.get(key).decrementAndGet();
    }

    List<Integer> sizes() {
      return sent.stream().map(List::size).toList();
    }

    List<List<Integer>> seqsOfEachStatement() {
      return sent.stream().map(writes -> writes.stream().map(Write::seq).toList()).toList();
    }

    private static Stored stored(Row row) {
      return new Stored(row.getLong("id"), row.getInteger("seq"));
    }
  }
}
