package io.scimgate.benchmarks.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** The measured window of a load run, from its JSON ({@code finishedAt} minus {@code measuredSeconds}). */
record Window(Instant from, Instant to) {
  static final Window ALL = new Window(Instant.MIN, Instant.MAX);

  static Window ofRun(Path runJson) throws IOException {
    JsonNode run = new ObjectMapper().readTree(runJson.toFile());
    // finishedAt is truncated to the second: widen the end by one so that no measured sample falls outside
    Instant finished = Instant.parse(run.get("finishedAt").asText()).plusSeconds(1);
    long measuredMillis = Math.round(run.get("measuredSeconds").asDouble() * 1000);
    return new Window(finished.minusMillis(measuredMillis), finished);
  }

  boolean contains(Instant at) {
    return !at.isBefore(from) && !at.isAfter(to);
  }
}
