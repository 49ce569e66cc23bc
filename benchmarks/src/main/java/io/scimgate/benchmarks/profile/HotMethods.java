package io.scimgate.benchmarks.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the gateway's CPU time went in a JDK Flight Recorder recording ({@code run.sh} with {@code PROFILE=1}):
 * the share of execution samples by the area of the code running at the top of the stack (self time), the
 * methods with most self time, and the gateway's own methods with most inclusive time. Prints the three tables
 * and writes {@code <label>-profile-<timestamp>.json} for the report. Given the load run's JSON, only samples of
 * its measured window count: start-up and the warm-up (interpreted code, JIT still busy) would blur the picture.
 *
 * <pre>HotMethods &lt;recording.jfr&gt; &lt;label&gt; &lt;reports directory&gt; [load run JSON]</pre>
 */
public final class HotMethods {
  private static final int TOP = 15;
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final Map<String, Long> selfByArea = new HashMap<>();
  private final Map<String, Long> selfByMethod = new HashMap<>();
  private final Map<String, Long> inclusiveOwnMethods = new HashMap<>();
  private long samples;

  private HotMethods() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: HotMethods <recording.jfr> <label> <reports directory> [run.json]");
    }
    Window window = args.length > 3 ? Window.ofRun(Path.of(args[3])) : Window.ALL;
    HotMethods profile = new HotMethods();
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
          && window.contains(event.getStartTime())) {
        profile.add(event.getStackTrace());
      }
    }
    profile.print(args[1]);
    Path json = profile.writeJson(args[1], Path.of(args[0]).getFileName().toString(), Path.of(args[2]));
    System.out.println("profile: " + json);
  }

  private void add(RecordedStackTrace stack) {
    List<RecordedFrame> frames = stack.getFrames();
    if (frames.isEmpty()) {
      return;
    }
    samples++;
    String top = method(frames.get(0));
    selfByArea.merge(Areas.of(top), 1L, Long::sum);
    selfByMethod.merge(top, 1L, Long::sum);
    Set<String> seen = new HashSet<>();
    for (RecordedFrame frame : frames) {
      String method = method(frame);
      // recursion and re-entry count once per sample, so that inclusive shares stay at most 100 %
      if (method.startsWith("io.scimgate.") && seen.add(method)) {
        inclusiveOwnMethods.merge(method, 1L, Long::sum);
      }
    }
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod() == null ? "(unknown)"
        : frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private void print(String label) {
    System.out.printf(Locale.ROOT, "%s: %d execution samples%n", label, samples);
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
    ObjectNode root = mapper.createObjectNode().put("profileOf", label).put("recording", recording)
        .put("samples", samples);
    shares(root.putObject("selfByArea"), top(selfByArea, Integer.MAX_VALUE));
    shares(root.putObject("selfByMethod"), top(selfByMethod, TOP));
    shares(root.putObject("inclusiveOwnMethods"), top(inclusiveOwnMethods, TOP));
    Files.createDirectories(directory);
    Path file = directory.resolve(label + "-profile-" + FILE_TIME.format(Instant.now()) + ".json");
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
