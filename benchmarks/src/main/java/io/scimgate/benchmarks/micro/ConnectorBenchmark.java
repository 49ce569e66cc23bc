package io.scimgate.benchmarks.micro;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.plugins.azuread.AzureAdConnector;
import io.scimgate.plugins.custom.CustomScimConnector;
import io.scimgate.plugins.okta.OktaConnector;
import io.scimgate.plugins.onelogin.OneLoginConnector;
import io.scimgate.scim.json.ScimJson;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The connector step of a request: the bundled connectors' hooks on the vendor payloads of docs/idp-behaviour.md,
 * which the gateway runs on the event loop before validating any user, group, PATCH or filter
 * ({@code BoundConnector}). The connector classes are instantiated directly, as the TCK does: the PF4J plugin
 * manager only finds them, it is not on the call path.
 *
 * <p>Each payload is parsed once in set-up. The hooks never modify their arguments (IdpConnector's contract,
 * checked by the TCK): the JSON hooks deep-copy the payload before rewriting it, so one parsed payload serves
 * every invocation, and that copy, which the gateway pays too, is part of their scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConnectorBenchmark {
  private final IdpConnector entra = new AzureAdConnector();
  private final IdpConnector okta = new OktaConnector();
  private final IdpConnector oneLogin = new OneLoginConnector();
  private final IdpConnector custom = new CustomScimConnector();
  private ConnectionSettings entraConnection;
  private ConnectionSettings oktaConnection;
  private ConnectionSettings oneLoginConnection;
  private ConnectionSettings customConnection;

  private ArrayNode entraOperations;
  private ArrayNode entraPathlessOperations;
  private ArrayNode oktaGroupRename;
  private ObjectNode oktaUser;
  private ObjectNode oneLoginUser;
  private ObjectNode customUser;
  // Read from fields, not literals, so that the JIT cannot treat the inputs as constants.
  private String entraExternalIdFilter;
  private String entraEmailFilter;
  private String groupName;

  @Setup
  public void setUp() {
    entraConnection = ConnectionSettings.of("bench-entra", entra.defaultGroupPrefix());
    oktaConnection = ConnectionSettings.of("bench-okta", okta.defaultGroupPrefix());
    oneLoginConnection = ConnectionSettings.of("bench-onelogin", oneLogin.defaultGroupPrefix());
    customConnection = new ConnectionSettings("bench-custom", "Acme HR - ",
        Map.of(Fixtures.ACME_HR + ":dept", Fixtures.ENTERPRISE + ":department"));
    entraOperations = (ArrayNode) ScimJson.parse(Fixtures.ENTRA_OPERATIONS);
    entraPathlessOperations = (ArrayNode) ScimJson.parse(Fixtures.ENTRA_PATHLESS_OPERATIONS);
    oktaGroupRename = (ArrayNode) ScimJson.parse(Fixtures.OKTA_GROUP_RENAME);
    oktaUser = (ObjectNode) ScimJson.parse(Fixtures.USER);
    oneLoginUser = (ObjectNode) ScimJson.parse(Fixtures.ONELOGIN_USER);
    customUser = (ObjectNode) ScimJson.parse(Fixtures.CUSTOM_USER);
    entraExternalIdFilter = Fixtures.ENTRA_EXTERNAL_ID_FILTER;
    entraEmailFilter = Fixtures.ENTRA_EMAIL_FILTER;
    groupName = "Test SCIMv2";
  }

  /** Four {@code Replace} operations without the compliance flag: {@code op} case, "False", a value path, a URN. */
  @Benchmark
  public ArrayNode entraPatch() {
    return entra.normalizePatch(ResourceKind.USER, entraOperations, entraConnection);
  }

  /**
   * The flagged dialect: one path-less {@code replace} whose keys are dotted or URN-qualified (P2). The core reads
   * such keys, so the connector changes nothing here: this is what its copy and checks cost on an RFC payload.
   */
  @Benchmark
  public ArrayNode entraPathlessPatch() {
    return entra.normalizePatch(ResourceKind.USER, entraPathlessOperations, entraConnection);
  }

  /** {@code externalId eq "<guid>"}, Entra's lookup before every write: three passes that find nothing to do. */
  @Benchmark
  public String entraFilter() {
    return entra.normalizeFilter(ResourceKind.USER, entraExternalIdFilter, entraConnection);
  }

  /** {@code emails[type eq "work"].value eq "x"}, moved into the value filter. */
  @Benchmark
  public String entraEmailFilter() {
    return entra.normalizeFilter(ResourceKind.USER, entraEmailFilter, entraConnection);
  }

  /** Okta's rename PATCH (P10), which comes with every membership change: the {@code id} in it is dropped. */
  @Benchmark
  public ArrayNode oktaGroupRename() {
    return okta.normalizePatch(ResourceKind.GROUP, oktaGroupRename, oktaConnection);
  }

  /** Okta's 1 KB create body (P13): {@code password} and {@code groups} dropped. */
  @Benchmark
  public ObjectNode oktaCreateUser() {
    return okta.normalizeUser(oktaUser, oktaConnection);
  }

  /** A OneLogin template user: 1.1 URNs upgraded, blanks and unexpanded placeholders removed, "true" coerced. */
  @Benchmark
  public ObjectNode oneLoginUser() {
    return oneLogin.normalizeUser(oneLoginUser, oneLoginConnection);
  }

  /** A custom client's user with the admin's one attribute mapping: the only hook that reads the settings. */
  @Benchmark
  public ObjectNode customMappedUser() {
    return custom.normalizeUser(customUser, customConnection);
  }

  /** The product-side name of a group ("Okta SCIM - Test SCIMv2"), computed on every group create, PUT and PATCH. */
  @Benchmark
  public String productGroupName() {
    return okta.productGroupName(groupName, oktaConnection);
  }
}
