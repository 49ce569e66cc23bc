package io.scimgate.benchmarks.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.benchmarks.load.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the gateway's CPU time went, from async-profiler's collapsed stacks ({@code run.sh} with {@code PROFILE=1}
 * attaches it for the measured window, sampling every millisecond of CPU: Java code, the JVM's own threads and the
 * kernel alike). Prints, and writes as {@code <label>-profile-<timestamp>.json} for the report: the share of
 * samples by area (JIT compiler, garbage collector, kernel, or the package of the running Java method), the
 * methods with most self time, and the gateway's own methods with most inclusive time.
 *
 * <pre>HotMethods &lt;collapsed stacks file&gt; &lt;label&gt; &lt;reports directory&gt;</pre>
 */
public final class HotMethods {
  private static final int TOP = 15;
  private final Map<String, Long> selfByArea = new HashMap<>();
  private final Map<String, Long> selfByMethod = new HashMap<>();
  private final Map<String, Long> inclusiveOwnMethods = new HashMap<>();
  private long samples;

  private HotMethods() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: HotMethods <collapsed stacks> <label> <reports directory>");
    }
    HotMethods profile = new HotMethods();
    try (Stream<String> lines = Files.lines(Path.of(args[0]))) {
      lines.map(CollapsedStack::parse).flatMap(Optional::stream).forEach(profile::add);
    }
    profile.print(args[1]);
    Path json = profile.writeJson(args[1], Path.of(args[0]).getFileName().toString(), Path.of(args[2]));
    System.out.println("profile: " + json);
  }

  private void add(CollapsedStack stack) {
    samples += stack.samples();
    selfByArea.merge(Areas.of(stack), stack.samples(), Long::sum);
    selfByMethod.merge(stack.leaf(), stack.samples(), Long::sum);
    // recursion and re-entry count once per stack, so that inclusive shares stay at most 100 %
    // a lambda's generated class adds a frame named by an address that changes every run: its lambda$ method counts
    stack.frames().stream().filter(frame -> frame.startsWith("io.scimgate.") && !frame.contains("$$Lambda"))
        .distinct()
        .forEach(frame -> inclusiveOwnMethods.merge(frame, stack.samples(), Long::sum));
  }

  private void print(String label) {
    System.out.printf(Locale.ROOT, "%s: %d CPU samples (1 ms each)%n", label, samples);
    table("self time by area", top(selfByArea, Integer.MAX_VALUE));
    table("self time by method", top(selfByMethod, TOP));
    table("inclusive time, scimgate methods", top(inclusiveOwnMethods, TOP));
  }

  private void table(String title, Map<String, Long> rows) {
    System.out.println("  " + title);
    rows.forEach((name, count) -> System.out.printf(Locale.ROOT, "    %5.1f %%  %s%n", share(count), name));
  }

  private Path writeJson(String label, String recording, Path directory) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode().put("profileOf", label).put("stacks", recording)
        .put("samples", samples);
    shares(root.putObject("selfByArea"), top(selfByArea, Integer.MAX_VALUE));
    shares(root.putObject("selfByMethod"), top(selfByMethod, TOP));
    shares(root.putObject("inclusiveOwnMethods"), top(inclusiveOwnMethods, TOP));
    Files.createDirectories(directory);
    Path file = directory.resolve(ReportFiles.name(label, "profile", Instant.now()));
    mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    return file;
  }

  private void shares(ObjectNode node, Map<String, Long> rows) {
    rows.forEach((name, count) -> node.put(name, Math.round(share(count) * 10) / 10.0));
  }

  private double share(long count) {
    return samples == 0 ? 0 : 100.0 * count / samples;
  }

  private static Map<String, Long> top(Map<String, Long> counts, int limit) {
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(limit).forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }
}
