package io.scimgate.invites.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server on a free port of 127.0.0.1, speaking just enough SMTP for the gateway's mail client: 220 on
 * connect; EHLO/HELO 250 (no extensions: no STARTTLS, no AUTH, no PIPELINING); MAIL and RCPT 250, or for a
 * recipient the test refuses, the reply it scripted; DATA 354, then the message up to the lone "." and 250; QUIT
 * 221; anything else (RSET, NOOP) 250. It keeps every message it accepted.
 */
public final class SmtpReceiver implements AutoCloseable {
  private final NetServer server;
  private final List<Mail> mails = new CopyOnWriteArrayList<>();
  private final Map<String, String> refusals = new ConcurrentHashMap<>();

  private SmtpReceiver(Vertx vertx) throws Exception {
    server = vertx.createNetServer().connectHandler(this::converse).listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
  }

  public static SmtpReceiver start(Vertx vertx) throws Exception {
    return new SmtpReceiver(vertx);
  }

  public int port() {
    return server.actualPort();
  }

  /** From now on, answer {@code RCPT TO:<recipient>} with {@code reply} (e.g. "550 5.1.1 User unknown"). */
  public void refuse(String recipient, String reply) {
    refusals.put(recipient.toLowerCase(Locale.ROOT), reply);
  }

  /** The messages accepted so far, in the order they ended. */
  public List<Mail> mails() {
    return List.copyOf(mails);
  }

  /** Waits until at least {@code count} messages were accepted, or {@code timeout}; the messages. */
  public List<Mail> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (mails.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return mails();
  }

  private void converse(NetSocket socket) {
    Session session = new Session(socket);
    socket.handler(RecordParser.newDelimited("\r\n", line -> session.line(line.toString(StandardCharsets.UTF_8))));
    session.reply("220 receiver.test ESMTP");
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }

  /** One SMTP connection: the envelope and message of the transaction in progress. */
  private final class Session {
    private final NetSocket socket;
    private String from;
    private final List<String> to = new ArrayList<>();
    private StringBuilder data;

    Session(NetSocket socket) {
      this.socket = socket;
    }

    void line(String line) {
      if (data != null) {
        dataLine(line);
        return;
      }
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO", "HELO" -> reply("250 receiver.test");
        case "MAIL" -> {
          from = address(line);
          to.clear();
          reply("250 2.1.0 ok");
        }
        case "RCPT" -> recipient(address(line));
        case "DATA" -> {
          data = new StringBuilder();
          reply("354 end data with <CR><LF>.<CR><LF>");
        }
        case "QUIT" -> {
          reply("221 2.0.0 bye");
          socket.close();
        }
        default -> reply("250 2.0.0 ok");
      }
    }

    private void recipient(String address) {
      String refusal = refusals.get(address.toLowerCase(Locale.ROOT));
      if (refusal != null) {
        reply(refusal);
        return;
      }
      to.add(address);
      reply("250 2.1.5 ok");
    }

    private void dataLine(String line) {
      if (line.equals(".")) {
        mails.add(new Mail(from, List.copyOf(to), data.toString()));
        data = null;
        to.clear();
        reply("250 2.0.0 queued");
        return;
      }
      data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n"); // RFC 5321 §4.5.2
    }

    void reply(String text) {
      socket.write(Buffer.buffer(text + "\r\n"));
    }

    private static String address(String line) {
      int open = line.indexOf('<');
      int close = line.indexOf('>', open + 1);
      return open < 0 || close < 0 ? "" : line.substring(open + 1, close);
    }
  }

  /** One accepted message: its envelope, and the message as sent (headers and body, transfer-encoded). */
  public record Mail(String from, List<String> to, String data) {
    /** The first value of the header {@code name}, unfolded, or {@code null}. */
    public String header(String name) {
      String headers = data.split("\r\n\r\n", 2)[0].replace("\r\n ", " ").replace("\r\n\t", " ");
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }

    /**
     * The whole message with its quoted-printable parts decoded (soft line breaks joined, {@code =XX} turned back
     * into bytes), for searching; parts sent as they are (7bit, 8bit) are left alone.
     */
    public String decoded() {
      StringBuilder text = new StringBuilder();
      ByteArrayOutputStream quotedBody = new ByteArrayOutputStream();
      boolean inHeaders = true;
      boolean quoted = false;
      for (String line : data.split("\r\n", -1)) {
        if (line.startsWith("--")) { // a MIME boundary: the next part's headers follow
          text.append(quotedBody.toString(StandardCharsets.UTF_8));
          quotedBody.reset();
          inHeaders = true;
          quoted = false;
        } else if (inHeaders) {
          inHeaders = !line.isEmpty();
          quoted |= line.toLowerCase(Locale.ROOT).matches("content-transfer-encoding:\\s*quoted-printable\\s*");
        } else if (quoted) {
          boolean soft = line.endsWith("=");
          unquote(soft ? line.substring(0, line.length() - 1) : line, quotedBody);
          if (!soft) {
            quotedBody.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          continue;
        }
        text.append(line).append("\r\n");
      }
      return text.append(quotedBody.toString(StandardCharsets.UTF_8)).toString();
    }

    private static void unquote(String line, ByteArrayOutputStream out) {
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '=' && i + 2 < line.length() && isHex(line.charAt(i + 1)) && isHex(line.charAt(i + 2))) {
          out.write(Integer.parseInt(line.substring(i + 1, i + 3), 16));
          i += 2;
        } else {
          out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
      }
    }

    private static boolean isHex(char c) {
      return Character.digit(c, 16) >= 0;
    }
  }
}
