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
    this(new Socket("127.0.0.1", port), readTimeoutMs);
  }

  private RawHttp(Socket socket, int readTimeoutMs) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(readTimeoutMs);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /**
   * A connection whose receive buffer is small (set before connecting, so the window the gateway sees is small
   * too): a client that stops reading makes the gateway's writes wait after a few kilobytes.
   */
  public static RawHttp slowReader(int port, int readTimeoutMs) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
    return new RawHttp(socket, readTimeoutMs);
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
    Response head = readHead();
    int length = Integer.parseInt(head.headers().getOrDefault("Content-Length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
  }

  /** Reads a response's status line and headers only, leaving its body unread. */
  public Response readHead() throws IOException {
    String statusLine = line();
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, null);
  }

  /**
   * Reads a chunked body up to its last (empty) chunk and returns its bytes; an {@link IOException} when the
   * connection ends before that chunk (an answer cut short).
   */
  public byte[] readChunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      byte[] chunk = in.readNBytes(size);
      body.write(chunk);
      if (chunk.length < size) {
        throw new IOException("Connection closed inside a chunk, after " + body.size() + " bytes");
      }
      line();
    }
    line();
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String line = line();
    int extension = line.indexOf(';');
    return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
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
