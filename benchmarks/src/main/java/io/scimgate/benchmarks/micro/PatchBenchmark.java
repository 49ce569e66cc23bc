package io.scimgate.benchmarks.micro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.patch.PatchEngine;
import io.scimgate.scim.patch.PatchOperation;
import io.scimgate.scim.patch.PatchRequest;
import io.scimgate.scim.patch.PatchResult;
import io.scimgate.scim.resource.ResourceValidator;
import io.scimgate.scim.schema.CoreSchemas;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link PatchEngine#apply} on a stored 1 KB user, as a user PATCH runs it between reading and writing the row:
 * copy the document, apply the operations, validate the result like a PUT body. The PatchOp message is parsed
 * once in set-up; the engine never modifies the stored document, so every invocation starts from the same one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PatchBenchmark {
  private ObjectNode stored;
  private List<PatchOperation> entra;
  private List<PatchOperation> okta;

  @Setup
  public void setUp() {
    stored = ResourceValidator.validate(CoreSchemas.USER_TYPE, ScimJson.parse(Fixtures.USER));
    entra = PatchRequest.parse(ScimJson.parse(Fixtures.ENTRA_PATCH));
    okta = PatchRequest.parse(ScimJson.parse(Fixtures.OKTA_DEACTIVATE));
  }

  /** Five {@code Replace} operations, one through a value filter, one into the enterprise extension. */
  @Benchmark
  public PatchResult entraReplace() {
    return PatchEngine.apply(CoreSchemas.USER_TYPE, stored, entra);
  }

  /** Okta's path-less {@code replace active false}. */
  @Benchmark
  public PatchResult oktaDeactivate() {
    return PatchEngine.apply(CoreSchemas.USER_TYPE, stored, okta);
  }
}
