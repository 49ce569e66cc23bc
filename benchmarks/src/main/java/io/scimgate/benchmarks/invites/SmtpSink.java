package io.scimgate.benchmarks.invites;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A minimal SMTP server (RFC 5321: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that accepts every message and
 * records, per recipient, when the message was accepted (the moment it answers 250 to the final dot). Enough
 * to measure the invite pipeline's lag without a mail server; 127.0.0.1 only.
 */
final class SmtpSink {
  private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private NetServer server;

  SmtpSink(LongSupplier clock) {
    this.clock = clock;
  }

  Future<Integer> start(Vertx vertx, int port) {
    server = vertx.createNetServer().connectHandler(this::session);
    return server.listen(port, "127.0.0.1").map(NetServer::actualPort);
  }

  /** When the first message to {@code recipient} was accepted (clock units), or null. */
  Long acceptedAt(String recipient) {
    return acceptedAt.get(recipient.toLowerCase(Locale.ROOT));
  }

  int messagesTo(String recipient) {
    return counts.getOrDefault(recipient.toLowerCase(Locale.ROOT), 0);
  }

  int recipients() {
    return acceptedAt.size();
  }

  private void session(NetSocket socket) {
    Session session = new Session(socket);
    RecordParser parser = RecordParser.newDelimited("\r\n", session::line);
    socket.handler(parser);
    socket.write("220 smtp-sink ready\r\n");
  }

  private final class Session {
    private final NetSocket socket;
    private final java.util.List<String> recipients = new java.util.ArrayList<>();
    private boolean data;

    Session(NetSocket socket) {
      this.socket = socket;
    }

    void line(Buffer buffer) {
      String line = buffer.toString();
      if (data) {
        if (line.equals(".")) {
          data = false;
          long now = clock.getAsLong();
          recipients.forEach(r -> {
            acceptedAt.putIfAbsent(r, now);
            counts.merge(r, 1, Integer::sum);
          });
          recipients.clear();
          socket.write("250 OK queued\r\n");
        }
        return;
      }
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
      switch (command) {
        case "EHLO", "HELO" -> socket.write("250-smtp-sink\r\n250 8BITMIME\r\n");
        case "MAIL", "NOOP" -> socket.write("250 OK\r\n");
        case "RSET" -> {
          recipients.clear();
          socket.write("250 OK\r\n");
        }
        case "RCPT" -> {
          recipients.add(address(line));
          socket.write("250 OK\r\n");
        }
        case "DATA" -> {
          data = true;
          socket.write("354 end with <CRLF>.<CRLF>\r\n");
        }
        case "QUIT" -> socket.write("221 bye\r\n").onComplete(done -> socket.close());
        default -> socket.write("502 not implemented\r\n");
      }
    }

    private String address(String line) {
      int open = line.indexOf('<');
      int close = line.indexOf('>');
      String address = open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(8).trim();
      return address.toLowerCase(Locale.ROOT);
    }
  }
}
