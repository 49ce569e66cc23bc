package io.scimgate.app.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on 127.0.0.1 that offers AUTH but no STARTTLS (a downgraded or misconfigured server, or a
 * man in the middle that strips STARTTLS from the EHLO answer) and records every command line it receives.
 */
public final class PlainSmtpServer implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private PlainSmtpServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    acceptor = new Thread(this::accept, "plain-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static PlainSmtpServer start() throws IOException {
    return new PlainSmtpServer();
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<String> commands() {
    return List.copyOf(commands);
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        converse(socket);
      } catch (IOException e) {
        // the client hung up; take the next one
      }
    }
  }

  private void converse(Socket socket) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    OutputStream out = socket.getOutputStream();
    reply(out, "220 plain.test ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      commands.add(line);
      String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> reply(out, "250-plain.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
        case "AUTH" -> reply(out, "235 2.7.0 Authentication successful");
        case "DATA" -> {
          reply(out, "354 go ahead");
          for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
            // the message itself is of no interest here
          }
          reply(out, "250 2.0.0 queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 2.0.0 ok");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
