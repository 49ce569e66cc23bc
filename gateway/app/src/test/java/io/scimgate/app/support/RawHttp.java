package io.scimgate.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One raw TCP connection to the gateway, for what {@link Http} cannot send: oversized headers, bodies written
 * before the answer is read, chunked bodies, half requests, hang-ups. Reads time out, so a wedged connection
 * fails a test instead of hanging it.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean peerClosed;

  public RawHttp(int port, int readTimeoutMs) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(readTimeoutMs);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  public RawHttp readTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
    return this;
  }

  public static int port(String url) {
    return java.net.URI.create(url).getPort();
  }

  public RawHttp write(String text) throws IOException {
    return write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public RawHttp write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads one response (status line, headers, a Content-Length body). */
  public Response read() throws IOException {
    String statusLine = line();
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers,
        new String(body, StandardCharsets.UTF_8));
  }

  /** Whether the gateway closed the connection (end of stream or reset) before {@code readTimeout}; remembered. */
  public boolean closedByPeer() throws IOException {
    try {
      peerClosed = peerClosed || in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      peerClosed = true;
    }
    return peerClosed;
  }

  /** Whether {@link #closedByPeer()} has already seen the gateway close the connection. */
  public boolean isClosed() {
    return peerClosed;
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("Connection closed after '" + bytes + "'");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A response as read off the wire. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name);
    }

    public boolean closes() {
      return "close".equals(String.valueOf(header("Connection")).toLowerCase(Locale.ROOT));
    }
  }
}
