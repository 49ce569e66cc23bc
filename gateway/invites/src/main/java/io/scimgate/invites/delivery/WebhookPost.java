package io.scimgate.invites.delivery;

import io.scimgate.invites.egress.EgressPolicy;
import io.scimgate.invites.egress.WebhookUrl;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One webhook POST on the wire, with the receiver kept at arm's length:
 * <ul>
 *   <li>to the address the {@link EgressPolicy} admitted, and no other (the Host header and the TLS name stay
 *   the URL's host), so a DNS answer that changes between check and connect is never used;</li>
 *   <li>within one deadline for everything (resolving, connecting, sending, reading): a receiver that drips its
 *   answer a byte at a time is cut off like one that never answers;</li>
 *   <li>reading at most {@link #MAX_ANSWER_BYTES} of the answer's body and then closing the connection: only the
 *   status matters, and a receiver must not be able to make the gateway hold its answer in memory.</li>
 * </ul>
 * Completes with the answer's status; fails with an {@code EgressRefusal}, or whatever the transport failed with.
 */
final class WebhookPost {
  static final int MAX_ANSWER_BYTES = 4096;
  /** Pooled connections per receiver: as many as the worker sends to one endpoint at a time. */
  private static final int CONNECTIONS_PER_RECEIVER = DeliveryWorker.IN_FLIGHT_PER_ENDPOINT;

  private final Vertx vertx;
  private final EgressPolicy policy;
  private final HttpClient client;
  private final long timeoutMillis;

  WebhookPost(Vertx vertx, EgressPolicy policy) {
    this.vertx = vertx;
    this.policy = policy;
    this.timeoutMillis = policy.settings().timeout().toMillis();
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis)
        .setKeepAliveTimeout(30).setVerifyHost(true).setMaxRedirects(0),
        new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_RECEIVER));
  }

  Future<Integer> send(WebhookUrl url, MultiMap headers, Buffer body) {
    Promise<Integer> outcome = Promise.promise();
    AtomicReference<HttpClientRequest> open = new AtomicReference<>();
    long deadline = vertx.setTimer(timeoutMillis, id -> {
      outcome.tryFail(new TimeoutException("no complete answer within " + timeoutMillis + " ms"));
      resetIfOpen(open);
    });
    exchange(url, headers, body, open, outcome.future()).onComplete(result -> {
      vertx.cancelTimer(deadline);
      if (result.succeeded()) {
        outcome.tryComplete(result.result());
      } else {
        outcome.tryFail(result.cause());
      }
    });
    return outcome.future();
  }

  /** Admit, connect, send, read; {@code open} holds the request for the deadline to reset. */
  private Future<Integer> exchange(WebhookUrl url, MultiMap headers, Buffer body,
      AtomicReference<HttpClientRequest> open, Future<Integer> outcome) {
    return policy.admit(url)
        .compose(address -> client.request(options(url, address)))
        .compose(request -> {
          open.set(request);
          if (outcome.isComplete()) {
            request.reset();
            return Future.failedFuture("the deadline passed while connecting");
          }
          request.headers().addAll(headers);
          return request.send(body).compose(response -> statusAfterBoundedRead(request, response));
        });
  }

  private RequestOptions options(WebhookUrl url, InetAddress address) {
    return new RequestOptions().setMethod(HttpMethod.POST)
        .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(nameless(address), url.port())))
        .setHost(url.host()).setPort(url.port()).setSsl(url.https()).setURI(url.pathAndQuery())
        .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis).setFollowRedirects(false);
  }

  /** Reads up to the limit; beyond it, stops and resets (closes) the connection. The status either way. */
  private static Future<Integer> statusAfterBoundedRead(HttpClientRequest request, HttpClientResponse response) {
    Promise<Integer> read = Promise.promise();
    long[] bytes = {0};
    response.handler(chunk -> {
      bytes[0] += chunk.length();
      if (bytes[0] > MAX_ANSWER_BYTES && read.tryComplete(response.statusCode())) {
        request.reset();
      }
    });
    response.endHandler(end -> read.tryComplete(response.statusCode()));
    response.exceptionHandler(read::tryFail);
    return read.future();
  }

  /** The bare address, so that nothing on the way to the socket could look its name up again. */
  private static InetAddress nameless(InetAddress address) {
    try {
      return InetAddress.getByAddress(address.getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // the bytes of an address are an address
    }
  }

  private static void resetIfOpen(AtomicReference<HttpClientRequest> open) {
    HttpClientRequest request = open.get();
    if (request != null) {
      request.reset();
    }
  }

  Future<Void> close() {
    return client.close();
  }
}
