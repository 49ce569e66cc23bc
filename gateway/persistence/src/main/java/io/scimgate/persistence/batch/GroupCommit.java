package io.scimgate.persistence.batch;

import io.scimgate.persistence.cancel.StatementScope;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Group commit across requests: writes of one kind that arrive while a statement of their kind is in flight wait
 * and go together as the next statement, one set-based statement and one commit for many requests. Under load
 * PostgreSQL then does one statement's and one commit's work per batch instead of per request; nothing waits for
 * company that never comes: when nothing of its kind is in flight, a write is sent at once, alone, by the
 * statement it always had.
 *
 * <p>Invariants: each request gets its own answer (the batch statement completes every {@link Waiting} itself);
 * nothing is answered before the statement that carries it committed; a batch statement that fails as a whole is
 * retried one write at a time, so that an error fails only the request it belongs to. Writes of one key (a group,
 * or a single key for all) go in arrival order, one statement of that key in flight at a time; within a batch,
 * {@code distinct} keeps two writes of one row apart (a batch ends before the second one).
 *
 * <p>Lives on one event loop: each HTTP verticle has its own repositories, and a call from another thread hops
 * onto the loop of the first caller. The batch statement serves many requests, so it runs outside any request's
 * {@link StatementScope}: one client hanging up does not cancel it for the others.
 *
 * @param <K> what writes must share to go in one statement
 * @param <T> one request's write
 * @param <R> its answer
 */
public final class GroupCommit<K, T, R> {
  /** A write waiting for its statement, and the answer its request waits for. */
  public record Waiting<T, R>(T write, Promise<R> answer) {}

  /** Sends two or more writes of one key as one statement, completing every answer; a failure retries them alone. */
  public interface BatchStatement<T, R> {
    Future<Void> send(List<Waiting<T, R>> batch);
  }

  private final int maxBatch;
  private final Function<T, K> key;
  private final Function<T, Object> distinct;
  private final Function<T, Future<R>> alone;
  private final BatchStatement<T, R> together;
  private final Map<K, ArrayDeque<Waiting<T, R>>> waiting = new HashMap<>();
  private final Set<K> inFlight = new HashSet<>();
  private ContextInternal home;

  /**
   * @param key      writes of one key share statements (e.g. one group's membership changes)
   * @param distinct writes with the same value never share a statement (e.g. two updates of one row)
   * @param alone    the single-write statement: for a lone write and for retries
   * @param together the batch statement
   */
  public GroupCommit(int maxBatch, Function<T, K> key, Function<T, Object> distinct, Function<T, Future<R>> alone,
      BatchStatement<T, R> together) {
    this.maxBatch = maxBatch;
    this.key = key;
    this.distinct = distinct;
    this.alone = alone;
    this.together = together;
  }

  public Future<R> submit(T write) {
    ContextInternal current = (ContextInternal) Vertx.currentContext();
    if (current == null) {
      return alone.apply(write); // outside Vert.x (a tool, a test): nobody to batch with
    }
    if (home == null) {
      home = current.unwrap(); // the event loop's own context, not the first request's duplicate
    }
    Waiting<T, R> entry = new Waiting<>(write, Promise.promise());
    if (home.inThread()) {
      enqueue(entry);
    } else {
      home.runOnContext(ignored -> enqueue(entry));
    }
    return entry.answer().future();
  }

  private void enqueue(Waiting<T, R> entry) {
    K of = key.apply(entry.write());
    waiting.computeIfAbsent(of, k -> new ArrayDeque<>()).add(entry);
    if (inFlight.add(of)) {
      sendNext(of);
    }
  }

  private void sendNext(K of) {
    List<Waiting<T, R>> batch = takeBatch(waiting.get(of));
    if (batch.isEmpty()) {
      waiting.remove(of);
      inFlight.remove(of);
      return;
    }
    StatementScope.detached(() -> send(batch)).onComplete(done -> sendNext(of));
  }

  private List<Waiting<T, R>> takeBatch(ArrayDeque<Waiting<T, R>> queue) {
    List<Waiting<T, R>> batch = new ArrayList<>();
    Set<Object> rows = new HashSet<>();
    while (queue != null && !queue.isEmpty() && batch.size() < maxBatch
        && rows.add(distinct.apply(queue.peek().write()))) {
      batch.add(queue.poll());
    }
    return batch;
  }

  private Future<Void> send(List<Waiting<T, R>> batch) {
    if (batch.size() == 1) {
      return sendAlone(batch.get(0));
    }
    return together.send(batch).recover(failure -> oneByOne(batch));
  }

  /** Each write alone, in order, each with its own outcome (also for what a batch statement could not answer). */
  public Future<Void> oneByOne(List<Waiting<T, R>> batch) {
    Future<Void> chain = Future.succeededFuture();
    for (Waiting<T, R> entry : batch) {
      chain = chain.transform(previous -> sendAlone(entry));
    }
    return chain;
  }

  /**
   * Answers each write of a batch with the result that has its id ({@code null} when the statement returned none
   * for it: a conflict or a missing row, which its request reports alone).
   */
  public static <T, R, I> Void answerById(List<Waiting<T, R>> batch, Iterable<R> results, Function<R, I> resultId,
      Function<T, I> writeId) {
    Map<I, R> byId = new HashMap<>();
    results.forEach(result -> byId.put(resultId.apply(result), result));
    batch.forEach(entry -> entry.answer().complete(byId.get(writeId.apply(entry.write()))));
    return null;
  }

  private Future<Void> sendAlone(Waiting<T, R> entry) {
    return alone.apply(entry.write()).onComplete(entry.answer()).transform(done -> Future.succeededFuture());
  }
}
