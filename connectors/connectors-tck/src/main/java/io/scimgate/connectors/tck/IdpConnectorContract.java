package io.scimgate.connectors.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ConnectionSettings;
import io.scimgate.connectors.api.IdpConnector;
import io.scimgate.connectors.api.ResourceKind;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.connectors.api.SetupGuide;
import io.scimgate.scim.filter.FilterParser;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.patch.PatchEngine;
import io.scimgate.scim.patch.PatchRequest;
import io.scimgate.scim.resource.ResourceValidator;
import io.scimgate.scim.schema.CoreSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link IdpConnector} keeps, as JUnit 5 tests. A connector's build extends this class,
 * returns its connector from {@link #connector()} and adds its vendor's payloads through the {@code vendor*}
 * methods; the inherited tests then check, on the RFC samples and on those payloads:
 * <ul>
 *   <li>identity: a stable lower-case id, a display name, a usable group prefix, reversible group names;</li>
 *   <li>setup guide: {@link IdpConnector#setupGuide()} returns a guide with steps, the same on every call;</li>
 *   <li>purity: arguments are never modified and equal input gives equal output, also from several threads;</li>
 *   <li>idempotence: normalising a normalised payload changes nothing;</li>
 *   <li>validity: the output passes the gateway's own validator, PATCH parser, PATCH engine and filter parser;</li>
 *   <li>robustness: on garbage the connector returns or throws {@link ScimException}, never anything else.</li>
 * </ul>
 */
public abstract class IdpConnectorContract {

  /** The connector under test (one instance is enough: connectors are stateless). */
  protected abstract IdpConnector connector();

  /** The connection settings the tests normalise with; override to test mappings or a custom prefix. */
  protected ConnectionSettings settings() {
    return ConnectionSettings.of("tck-connection", connector().defaultGroupPrefix());
  }

  /** The vendor's POST/PUT user bodies (from docs/idp-behaviour.md): normalised, they must be valid. */
  protected List<ObjectNode> vendorUsers() {
    return List.of();
  }

  /** The vendor's POST/PUT group bodies. */
  protected List<ObjectNode> vendorGroups() {
    return List.of();
  }

  /** The vendor's PATCH operation lists on users: normalised, they must apply to an RFC 7643 §8.2 user. */
  protected List<ArrayNode> vendorUserPatches() {
    return List.of();
  }

  /** The vendor's PATCH operation lists on groups. */
  protected List<ArrayNode> vendorGroupPatches() {
    return List.of();
  }

  @Test
  void identityIsStableAndReadable() {
    IdpConnector connector = connector();
    assertThat(connector.id()).as("id").matches("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(connector.id()).as("id is stable").isEqualTo(connector().id());
    assertThat(connector.displayName()).as("displayName").isNotBlank();
    assertThat(connector.defaultGroupPrefix()).as("defaultGroupPrefix").isNotBlank().hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void theSetupGuideIsValidAndTheSameOnEveryCall() {
    SetupGuide guide = connector().setupGuide();
    assertThat(guide).as("setupGuide()").isNotNull();
    assertThat(guide.steps()).as("setup steps").isNotEmpty().allSatisfy(step -> assertThat(step.title()).isNotBlank());
    assertThat(connector().setupGuide()).as("setupGuide() is pure").isEqualTo(guide);
  }

  @Test
  void productGroupNamesStartWithThePrefixAndEndWithTheIdpName() {
    for (ConnectionSettings settings : List.of(settings(), ConnectionSettings.of("tck-custom", "Acme IdP / "))) {
      for (String name : List.of("Contractors", "Tour Guides", "é ü 中文", "Okta SCIM - Nested")) {
        String product = connector().productGroupName(name, settings);
        assertThat(product).as("product name of %s", name).startsWith(settings.groupPrefix()).endsWith(name);
      }
    }
  }

  @Test
  void normalisingLeavesItsArgumentAloneAndIsDeterministic() {
    forEachCase((label, input, normalize) -> {
      JsonNode before = input.deepCopy();
      JsonNode first = normalize.apply(input);
      assertThat(input).as("%s: argument unchanged", label).isEqualTo(before);
      assertThat(normalize.apply(input.deepCopy())).as("%s: same output twice", label).isEqualTo(first);
    });
  }

  @Test
  void normalisingTwiceChangesNothing() {
    forEachCase((label, input, normalize) -> {
      JsonNode once = normalize.apply(input.deepCopy());
      assertThat(normalize.apply(once.deepCopy())).as("%s: idempotent", label).isEqualTo(once);
    });
  }

  @Test
  void normalisedResourcesAreValid() {
    for (ObjectNode user : concat(Samples.users(), vendorUsers())) {
      ObjectNode normalised = connector().normalizeUser(user.deepCopy(), settings());
      assertValid(() -> ResourceValidator.validate(CoreSchemas.USER_TYPE, normalised), "user " + user);
    }
    for (ObjectNode group : concat(Samples.groups(), vendorGroups())) {
      ObjectNode normalised = connector().normalizeGroup(group.deepCopy(), settings());
      assertValid(() -> ResourceValidator.validate(CoreSchemas.GROUP_TYPE, normalised), "group " + group);
    }
  }

  @Test
  void normalisedPatchesParseAndApply() {
    for (ArrayNode operations : concat(Samples.userPatches(), vendorUserPatches())) {
      ArrayNode normalised = connector().normalizePatch(ResourceKind.USER, operations.deepCopy(), settings());
      assertValid(() -> PatchEngine.apply(CoreSchemas.USER_TYPE, Samples.storedUser(), parse(normalised)),
          "user PATCH " + operations);
    }
    for (ArrayNode operations : concat(Samples.groupPatches(), vendorGroupPatches())) {
      ArrayNode normalised = connector().normalizePatch(ResourceKind.GROUP, operations.deepCopy(), settings());
      assertValid(() -> PatchEngine.apply(CoreSchemas.GROUP_TYPE, Samples.storedGroup(), parse(normalised)),
          "group PATCH " + operations);
    }
  }

  @Test
  void normalisedFiltersParse() {
    for (String filter : Samples.filters()) {
      for (ResourceKind kind : ResourceKind.values()) {
        String normalised = connector().normalizeFilter(kind, filter, settings());
        assertValid(() -> FilterParser.parse(normalised), "filter " + filter);
      }
    }
  }

  @Test
  void garbageGivesAResultOrAScimErrorOnly() {
    for (ObjectNode garbage : Garbage.objects(400)) {
      survives(() -> connector().normalizeUser(garbage, settings()), "user " + garbage);
      survives(() -> connector().normalizeGroup(garbage, settings()), "group " + garbage);
    }
    for (ArrayNode garbage : Garbage.operationLists(400)) {
      survives(() -> connector().normalizePatch(ResourceKind.USER, garbage, settings()), "PATCH " + garbage);
      survives(() -> connector().normalizePatch(ResourceKind.GROUP, garbage, settings()), "PATCH " + garbage);
    }
    for (String garbage : Garbage.filters()) {
      survives(() -> connector().normalizeFilter(ResourceKind.USER, garbage, settings()), "filter " + garbage);
      survives(() -> connector().productGroupName(garbage, settings()), "group name " + garbage);
    }
  }

  @Test
  void concurrentCallsGiveTheSameResults() throws Exception {
    List<ObjectNode> users = concat(Samples.users(), vendorUsers());
    List<ObjectNode> expected = users.stream().map(u -> connector().normalizeUser(u.deepCopy(), settings())).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ObjectNode>>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        results.add(pool.submit(() -> {
          List<ObjectNode> last = List.of();
          for (int round = 0; round < 200; round++) {
            last = users.stream().map(u -> connector().normalizeUser(u.deepCopy(), settings())).toList();
          }
          return last;
        }));
      }
      for (Future<List<ObjectNode>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private interface CaseCheck {
    void check(String label, JsonNode input, UnaryOperator<JsonNode> normalize);
  }

  private void forEachCase(CaseCheck check) {
    for (ObjectNode user : concat(Samples.users(), vendorUsers())) {
      check.check("user " + user, user, n -> connector().normalizeUser((ObjectNode) n, settings()));
    }
    for (ObjectNode group : concat(Samples.groups(), vendorGroups())) {
      check.check("group " + group, group, n -> connector().normalizeGroup((ObjectNode) n, settings()));
    }
    for (ArrayNode patch : concat(Samples.userPatches(), vendorUserPatches())) {
      check.check("user PATCH " + patch, patch,
          n -> connector().normalizePatch(ResourceKind.USER, (ArrayNode) n, settings()));
    }
    for (ArrayNode patch : concat(Samples.groupPatches(), vendorGroupPatches())) {
      check.check("group PATCH " + patch, patch,
          n -> connector().normalizePatch(ResourceKind.GROUP, (ArrayNode) n, settings()));
    }
  }

  private static List<io.scimgate.scim.patch.PatchOperation> parse(ArrayNode operations) {
    ObjectNode body = ScimJson.object();
    body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
    body.set("Operations", operations);
    return PatchRequest.parse(body);
  }

  private static void assertValid(Runnable check, String label) {
    try {
      check.run();
    } catch (ScimException e) {
      fail(label + " is not valid after normalisation: " + e.status() + " " + e.scimType() + " " + e.detail());
    }
  }

  private static void survives(Runnable call, String label) {
    assertThatCode(() -> {
      try {
        call.run();
      } catch (ScimException expected) {
        assertThat(expected.status()).as("status of the SCIM error").isBetween(400, 499);
      }
    }).as("only a SCIM error may escape for %s", abbreviate(label)).doesNotThrowAnyException();
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  @SafeVarargs
  private static <T> List<T> concat(List<? extends T>... lists) {
    List<T> all = new ArrayList<>();
    for (List<? extends T> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
