package io.scimgate.app.observability;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The gateway's log encoder (see logback.xml): {@code json} writes one JSON object per line ({@link JsonLines}),
 * anything else the {@code pattern} as text. The format comes from {@code SCIMGATE_LOG_FORMAT}, which logback reads
 * before the gateway's configuration is loaded; the gateway refuses to start with any other value than
 * {@code text} or {@code json}.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
  private String format = "text";
  private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
  private PatternLayoutEncoder text;

  public void setFormat(String format) {
    this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  private boolean json() {
    return format.equals("json");
  }

  @Override
  public void start() {
    if (!json()) {
      text = new PatternLayoutEncoder();
      text.setContext(getContext());
      text.setPattern(pattern);
      text.setCharset(StandardCharsets.UTF_8);
      text.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    if (text != null) {
      text.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return json() ? JsonLines.of(event).getBytes(StandardCharsets.UTF_8) : text.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }
}
