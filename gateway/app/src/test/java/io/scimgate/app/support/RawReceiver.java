package io.scimgate.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver that misbehaves on the wire, on a plain socket of 127.0.0.1 (a well-behaved HTTP server
 * could not): it reads a request's head, then plays its {@link Behaviour}. It counts the requests it saw and the
 * bytes of answer it managed to write (a client that stops reading makes the writes fail or block).
 */
public final class RawReceiver implements AutoCloseable {
  private final ServerSocket server;
  private final Behaviour behaviour;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "raw-receiver");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong written = new AtomicLong();

  /** What the receiver does once it has a request's head. */
  public enum Behaviour {
    /** {@code 200 OK} announcing and then sending 400 MB of body as fast as the client takes it. */
    HUGE_ANSWER,
    /** The status line one byte a second, never finishing. */
    DRIP
  }

  private RawReceiver(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    threads.submit(this::accept);
  }

  public static RawReceiver start(Behaviour behaviour) throws IOException {
    return new RawReceiver(behaviour);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/hooks/raw";
  }

  public int requests() {
    return requests.get();
  }

  public long bytesWritten() {
    return written.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.submit(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      readHead(socket.getInputStream());
      requests.incrementAndGet();
      OutputStream out = socket.getOutputStream();
      switch (behaviour) {
        case HUGE_ANSWER -> huge(out);
        case DRIP -> drip(out);
        default -> throw new IllegalStateException();
      }
    } catch (IOException | InterruptedException e) {
      // the client hung up: what a bounded client does
    }
  }

  private void huge(OutputStream out) throws IOException {
    long size = 400L * 1024 * 1024;
    write(out, ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + size + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    byte[] chunk = new byte[64 * 1024];
    for (long sent = 0; sent < size; sent += chunk.length) {
      write(out, chunk);
    }
  }

  private void drip(OutputStream out) throws IOException, InterruptedException {
    byte[] line = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; ; i = (i + 1) % line.length) {
      write(out, new byte[] {line[i]});
      Thread.sleep(1000);
    }
  }

  private void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    written.addAndGet(bytes.length);
  }

  /** Up to the blank line after the headers; the body (small, in these tests) stays unread. */
  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
