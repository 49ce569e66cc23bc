package io.scimgate.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.scim.filter.AttributePath;
import io.scimgate.scim.resource.ResourceValidator;
import io.scimgate.scim.schema.CoreSchemas;
import io.scimgate.scim.schema.ResourceType;
import io.scimgate.scim.schema.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a stored document: a pure function, stored document +
 * operations -> new document + change set. Operations apply in order; the first failing one aborts the whole
 * request and the stored document is never touched (the engine works on a copy).
 *
 * <p>Group membership is not in the document: operations on {@code members} become {@link MemberChanges},
 * which the store applies as row changes. The result is validated like a PUT body.
 */
public final class PatchEngine {
  private final ResourceType type;
  private final ObjectNode doc;
  private final Set<String> touched = new LinkedHashSet<>();
  private final MemberChanges members = new MemberChanges();

  private PatchEngine(ResourceType type, ObjectNode doc) {
    this.type = type;
    this.doc = doc;
  }

  /**
   * The membership changes of a group PATCH whose every operation targets {@code members} (Okta's and Entra's
   * membership pushes), or {@code null} when some operation touches the group's document. Such a PATCH needs
   * neither the stored document nor the engine: the store can apply it in one statement.
   */
  public static MemberChanges membersOnly(ResourceType type, List<PatchOperation> operations) {
    if (type != CoreSchemas.GROUP_TYPE) {
      return null;
    }
    MemberChanges changes = new MemberChanges();
    for (PatchOperation operation : operations) {
      if (operation.path() == null) {
        return null;
      }
      PatchTarget target = PatchTarget.resolve(type, operation.path());
      if (target.definition() == null || !target.definition().name().equals("members")) {
        return null;
      }
      MembershipOperations.apply(changes, operation.op(), target, operation.value());
    }
    return changes;
  }

  /**
   * The value of a user PATCH whose every operation sets {@code active} to a boolean (Okta's path-less
   * {@code replace {"active": false}}, Entra's {@code Replace active}), the last one winning; {@code null} when some
   * operation does anything else. Such a PATCH needs neither the stored document nor the engine: the store can flip
   * the flag in one statement. A value that is not a JSON boolean is left to the engine (which coerces or refuses it).
   */
  public static Boolean activeOnly(ResourceType type, List<PatchOperation> operations) {
    if (type != CoreSchemas.USER_TYPE || operations.isEmpty()) {
      return null;
    }
    Boolean active = null;
    for (PatchOperation operation : operations) {
      JsonNode value = operation.op() == PatchOperation.Op.REMOVE ? null : activeValue(type, operation);
      if (value == null || !value.isBoolean()) {
        return null;
      }
      active = value.booleanValue();
    }
    return active;
  }

  private static JsonNode activeValue(ResourceType type, PatchOperation operation) {
    if (operation.path() == null) {
      JsonNode value = operation.value();
      if (value == null || !value.isObject() || value.size() != 1) {
        return null;
      }
      Map.Entry<String, JsonNode> field = value.fields().next();
      return field.getKey().equalsIgnoreCase("active") ? field.getValue() : null;
    }
    if (operation.path().filter() != null) {
      return null;
    }
    PatchTarget target = PatchTarget.resolve(type, operation.path());
    boolean active = target.extension() == null && target.sub() == null && target.definition() != null
        && target.definition().name().equals("active");
    return active ? operation.value() : null;
  }

  public static PatchResult apply(ResourceType type, ObjectNode stored, List<PatchOperation> operations) {
    PatchEngine engine = new PatchEngine(type, stored.deepCopy());
    for (PatchOperation operation : operations) {
      engine.apply(operation);
    }
    ObjectNode result = ResourceValidator.validate(type, engine.doc);
    JsonNode before = stored.get("active");
    JsonNode after = result.get("active");
    boolean flipped = after != null && (before == null || before.asBoolean() != after.asBoolean());
    return new PatchResult(result, Set.copyOf(engine.touched), engine.members,
        flipped ? (before == null ? null : before.asBoolean()) : null, flipped ? after.asBoolean() : null);
  }

  private void apply(PatchOperation operation) {
    if (operation.path() != null) {
      apply(operation.op(), PatchTarget.resolve(type, operation.path()), operation.value());
      return;
    }
    if (!(operation.value() instanceof ObjectNode values)) {
      throw ScimException.invalidValue("A PATCH operation without a path needs an object value");
    }
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) values::fields) {
      applyPathless(operation.op(), field.getKey(), field.getValue());
    }
  }

  /** One key of a path-less value object: plain ({@code displayName}), dotted or URN-qualified. */
  private void applyPathless(PatchOperation.Op op, String key, JsonNode value) {
    if (key.equalsIgnoreCase("schemas") || key.equalsIgnoreCase("id") || key.equalsIgnoreCase("meta")) {
      return; // Okta's group rename sends the immutable id along; there is nothing to change
    }
    Schema extension = type.extension(key);
    if (extension != null) {
      if (!(value instanceof ObjectNode extensionValues)) {
        throw ScimException.invalidValue("'" + key + "' must be an object of extension attributes");
      }
      extensionValues.fields().forEachRemaining(field -> apply(op, PatchTarget.resolve(type,
          new PatchPath(new AttributePath(extension.id(), field.getKey(), null), null, null)), field.getValue()));
      return;
    }
    apply(op, PatchTarget.resolve(type, PatchPath.parse(key)), value);
  }

  private void apply(PatchOperation.Op op, PatchTarget target, JsonNode value) {
    if (target.definition() == null) {
      applyToExtension(op, target, value);
      return;
    }
    target.writable();
    touched.add(target.touchedKey());
    if (type == CoreSchemas.GROUP_TYPE && target.definition().name().equals("members")) {
      MembershipOperations.apply(members, op, target, value);
      return;
    }
    ObjectNode container = target.container(doc, op != PatchOperation.Op.REMOVE);
    if (container == null) {
      return; // removing from an extension the resource does not have
    }
    switch (op) {
      case ADD -> AttributeOperations.add(container, target, value);
      case REPLACE -> AttributeOperations.replace(container, target, value);
      case REMOVE -> AttributeOperations.remove(container, target, value);
    }
    if (target.extension() != null && container.isEmpty()) {
      doc.remove(target.extension().id());
    }
  }

  /** A path naming a whole extension: remove it, or add/replace its attributes one by one. */
  private void applyToExtension(PatchOperation.Op op, PatchTarget target, JsonNode value) {
    String urn = target.extension().id();
    if (op == PatchOperation.Op.REMOVE) {
      doc.remove(urn);
      touched.add(urn);
      return;
    }
    applyPathless(op, urn, value);
  }
}
