package io.scimgate.benchmarks.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.resource.ResourceValidator;
import io.scimgate.scim.schema.CoreSchemas;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-request work on a 1 KB user body outside any filter or PATCH: decoding it with the gateway's one
 * Jackson mapper ({@link ScimJson}), validating it against the User schema as a POST does
 * ({@link ResourceValidator}), and encoding a document for the response.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UserDocumentBenchmark {
  private JsonNode body;
  private ObjectNode validated;

  @Setup
  public void setUp() {
    body = ScimJson.parse(Fixtures.USER);
    validated = ResourceValidator.validate(CoreSchemas.USER_TYPE, body);
  }

  @Benchmark
  public JsonNode decode() {
    return ScimJson.parse(Fixtures.USER);
  }

  @Benchmark
  public String encode() {
    return ScimJson.write(validated);
  }

  /** Validation builds a new document and never changes its input, so one decoded body serves every call. */
  @Benchmark
  public ObjectNode validate() {
    return ResourceValidator.validate(CoreSchemas.USER_TYPE, body);
  }
}
