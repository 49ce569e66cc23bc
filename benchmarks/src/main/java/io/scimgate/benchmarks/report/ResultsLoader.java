package io.scimgate.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the JSON files of a reports directory: {@code jmh.json} (JMH's {@code -rf json} array), the load runs
 * ({@code <workload>-<gateway|ceiling|pgbench>-<timestamp>.json}) and the profiles
 * ({@code <label>-profile-<timestamp>.json}). A file that is not understood is skipped and
 * listed, never fatal: one truncated run must not cost the report of all the others.
 */
final class ResultsLoader {
  private static final Pattern RUN_FILE = Pattern.compile("-(gateway|ceiling|pgbench)-(\\d{8}T\\d{6}Z)\\.json$");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResultsLoader() {}

  static Results load(Path directory) throws IOException {
    List<LoadRun> runs = new ArrayList<>();
    List<JmhResult> jmh = new ArrayList<>();
    List<Profile> profiles = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path file : jsonFiles(directory)) {
      String name = file.getFileName().toString();
      try {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root != null && root.isArray()) {
          root.forEach(entry -> jmh.add(jmhResult(entry)));
        } else if (root != null && root.path("profileOf").isTextual()) {
          profiles.add(profile(root));
        } else if (root != null && root.path("workload").isTextual()) {
          runs.add(loadRun(name, root));
        } else {
          skipped.add(name + ": neither a JMH result array, a load run nor a profile");
        }
      } catch (IOException | IllegalArgumentException e) {
        skipped.add(name + ": " + e.getMessage());
      }
    }
    return new Results(runs, jmh, profiles, skipped);
  }

  /** Sorted by name, which for load runs is workload, target, then time. */
  private static List<Path> jsonFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted()
          .toList();
    }
  }

  private static LoadRun loadRun(String name, JsonNode root) {
    Matcher matcher = RUN_FILE.matcher(name);
    boolean named = matcher.find();
    String target = root.path("target").asText(named ? matcher.group(1) : "");
    if (!LoadRun.TARGETS.contains(target)) {
      throw new IllegalArgumentException("a load run without target " + String.join(", ", LoadRun.TARGETS));
    }
    Map<String, Long> statuses = new LinkedHashMap<>();
    root.path("statuses").fields().forEachRemaining(status -> statuses.put(status.getKey(),
        status.getValue().asLong()));
    return new LoadRun(name, root.get("workload").asText(), target,
        root.path("finishedAt").asText(named ? matcher.group(2) : ""), root.path("concurrency").asInt(),
        number(root.get("measuredSeconds")), number(root.get("operationsPerSecond")),
        number(root.get("requestsPerSecond")), latencies(root.path("requests")), latencies(root.path("operations")),
        statuses, cpu(root.path("cpu")), root.path("environment").path("commit").asText("unknown"));
  }

  /** Runs written before avgMs existed, and pgbench's statements (avgMs only), leave the missing figures NaN. */
  private static Map<String, LoadRun.Latency> latencies(JsonNode byKind) {
    Map<String, LoadRun.Latency> latencies = new LinkedHashMap<>();
    byKind.fields().forEachRemaining(kind -> latencies.put(kind.getKey(), new LoadRun.Latency(
        kind.getValue().path("count").asLong(), number(kind.getValue().get("avgMs")),
        number(kind.getValue().get("p50Ms")), number(kind.getValue().get("p99Ms")),
        number(kind.getValue().get("p999Ms")), number(kind.getValue().get("maxMs")))));
    return latencies;
  }

  private static LoadRun.Cpu cpu(JsonNode cpu) {
    if (cpu.isMissingNode()) {
      return LoadRun.Cpu.UNKNOWN;
    }
    return new LoadRun.Cpu(number(cpu.path("server").get("msPerOperation")),
        number(cpu.path("postgres").get("msPerOperation")), number(cpu.path("client").get("msPerOperation")),
        number(cpu.path("server").get("cores")), number(cpu.path("postgres").get("cores")));
  }

  private static Profile profile(JsonNode root) {
    return new Profile(root.get("profileOf").asText(), root.path("samples").asLong(), shares(root.path("selfByArea")),
        shares(root.path("selfByMethod")), shares(root.path("inclusiveOwnMethods")));
  }

  private static Map<String, Double> shares(JsonNode node) {
    Map<String, Double> shares = new LinkedHashMap<>();
    node.fields().forEachRemaining(entry -> shares.put(entry.getKey(), number(entry.getValue())));
    return shares;
  }

  private static JmhResult jmhResult(JsonNode entry) {
    if (!entry.path("benchmark").isTextual()) {
      throw new IllegalArgumentException("a JMH result without 'benchmark'");
    }
    Map<String, String> params = new LinkedHashMap<>();
    entry.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
    JsonNode metric = entry.path("primaryMetric");
    return new JmhResult(entry.get("benchmark").asText(), params, entry.path("mode").asText(),
        number(metric.get("score")), number(metric.get("scoreError")), metric.path("scoreUnit").asText());
  }

  /** JMH writes NaN as the string "NaN"; a missing number is NaN too, and shows as a dash. */
  private static double number(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Double.NaN;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    try {
      return Double.parseDouble(node.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
