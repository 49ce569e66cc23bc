package io.scimgate.persistence.cancel;

import io.vertx.core.http.HttpClosedException;

/**
 * A statement not started because the client of its request has gone away. It is an {@link HttpClosedException}
 * so that error handling treats it as what it is: routine, nobody to answer.
 */
public final class ClientGoneException extends HttpClosedException {
  public ClientGoneException() {
    super("client went away; statement not started");
  }
}
