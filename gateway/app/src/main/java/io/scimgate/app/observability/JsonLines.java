package io.scimgate.app.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One log event as one line of JSON, for log shippers: {@code timestamp} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code thread}, {@code message}, then every SLF4J key-value pair as a key of its own (numbers and
 * booleans as such, the rest as strings), the MDC's entries likewise, and {@code exception} with the stack trace.
 * logback's own JsonEncoder nests key-value pairs in a list of one-key objects; shippers want them flat.
 */
final class JsonLines {
  private JsonLines() {}

  static String of(ILoggingEvent event) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"timestamp\":\"").append(Instant.ofEpochMilli(event.getTimeStamp())).append('"');
    member(json, "level", event.getLevel().toString());
    member(json, "logger", event.getLoggerName());
    member(json, "thread", event.getThreadName());
    member(json, "message", event.getFormattedMessage());
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair pair : event.getKeyValuePairs()) {
        member(json, pair.key, pair.value);
      }
    }
    for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
      member(json, entry.getKey(), entry.getValue());
    }
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      member(json, "exception", ThrowableProxyUtil.asString(thrown));
    }
    return json.append("}\n").toString();
  }

  private static void member(StringBuilder json, String key, Object value) {
    json.append(",\"");
    escape(json, key);
    json.append("\":");
    if (value instanceof Number || value instanceof Boolean) {
      String number = value.toString();
      // NaN and infinities are not JSON numbers
      if (number.equals("NaN") || number.contains("Infinity")) {
        json.append('"').append(number).append('"');
      } else {
        json.append(number);
      }
    } else if (value == null) {
      json.append("null");
    } else {
      json.append('"');
      escape(json, value.toString());
      json.append('"');
    }
  }

  /** RFC 8259: quote, backslash and control characters escaped; everything else as is (UTF-8 on the way out). */
  static void escape(StringBuilder json, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
  }
}
