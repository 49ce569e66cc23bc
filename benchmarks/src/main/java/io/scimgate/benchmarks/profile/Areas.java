package io.scimgate.benchmarks.profile;

import java.util.List;

/**
 * Names the area a CPU sample belongs to, in words a reader of the report knows: the JIT compiler, the garbage
 * collector and the kernel first (whatever thread), then the package of the running Java method ("HTTP and TCP
 * (Netty)" rather than {@code io.netty.channel}; the first matching prefix wins, so specific prefixes come first),
 * then the JVM's and libc's native code.
 */
final class Areas {
  private record Area(String prefix, String name) {}

  private static final List<Area> AREAS = List.of(
      new Area("io.scimgate.scim.", "scimgate SCIM core (filters, PATCH, schema validation)"),
      new Area("io.scimgate.persistence.", "scimgate persistence (SQL building, row mapping)"),
      new Area("io.scimgate.invites.", "scimgate invite pipeline"),
      new Area("io.scimgate.app.", "scimgate app (routing, auth, audit, connectors)"),
      new Area("io.scimgate.plugins.", "connector plugins"),
      new Area("io.scimgate.connectors.", "connector SDK"),
      new Area("io.scimgate.", "scimgate, other"),
      new Area("io.vertx.pgclient.", "PostgreSQL client (vertx-pg-client)"),
      new Area("io.vertx.sqlclient.", "PostgreSQL client (vertx-pg-client)"),
      new Area("io.vertx.ext.web.", "Vert.x Web (router, body handler)"),
      new Area("io.vertx.", "Vert.x core (HTTP server, event loop, futures)"),
      new Area("io.netty.", "HTTP and TCP (Netty)"),
      new Area("com.fasterxml.jackson.", "JSON (Jackson)"),
      new Area("org.pf4j.", "PF4J"),
      new Area("org.slf4j.", "logging"),
      new Area("ch.qos.logback.", "logging"),
      new Area("java.util.regex.", "JDK regular expressions"),
      new Area("javax.crypto.", "JDK cryptography (token signatures)"),
      new Area("sun.security.", "JDK cryptography (token signatures)"),
      new Area("java.security.", "JDK cryptography (token signatures)"),
      new Area("com.sun.crypto.", "JDK cryptography (token signatures)"),
      new Area("sun.nio.", "JDK I/O"),
      new Area("java.nio.", "JDK I/O"),
      new Area("java.lang.String", "JDK strings"),
      new Area("java.util.", "JDK collections and utilities"),
      new Area("java.", "JDK, other"),
      new Area("jdk.", "JDK, other"),
      new Area("sun.", "JDK, other"));

  private Areas() {}

  static String of(CollapsedStack stack) {
    if (stack.anyFrameContains("CompileBroker::")) {
      return "JIT compiler (C1/C2)";
    }
    if (!stack.hasJavaFrames() && (stack.anyFrameContains("G1") || stack.anyFrameContains("GC"))) {
      return "garbage collector";
    }
    return switch (stack.leafKind()) {
      case 'k' -> "kernel (socket I/O, epoll, scheduling)";
      case 'j' -> of(stack.leaf());
      default -> "JVM runtime and libc (stubs, allocation, write/read wrappers)";
    };
  }

  static String of(String method) {
    return AREAS.stream().filter(area -> method.startsWith(area.prefix())).map(Area::name).findFirst()
        .orElse("other libraries");
  }
}
