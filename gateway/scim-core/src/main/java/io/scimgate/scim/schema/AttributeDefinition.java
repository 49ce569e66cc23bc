package io.scimgate.scim.schema;

import java.util.List;
import java.util.Locale;

/**
 * One attribute of a schema (RFC 7643 §7). Immutable; built with the fluent {@code with...} copies so that the
 * schema tables in {@link CoreSchemas} read like the RFC.
 */
public record AttributeDefinition(
    String name,
    AttributeType type,
    boolean multiValued,
    boolean required,
    boolean caseExact,
    Mutability mutability,
    Returned returned,
    Uniqueness uniqueness,
    List<String> canonicalValues,
    List<String> referenceTypes,
    List<AttributeDefinition> subAttributes,
    String description) {

  public AttributeDefinition {
    canonicalValues = List.copyOf(canonicalValues);
    referenceTypes = List.copyOf(referenceTypes);
    subAttributes = List.copyOf(subAttributes);
  }

  /** A single-valued, optional, case-insensitive, read-write attribute with default return. */
  public static AttributeDefinition of(String name, AttributeType type, String description) {
    return new AttributeDefinition(name, type, false, false, false, Mutability.READ_WRITE, Returned.DEFAULT,
        Uniqueness.NONE, List.of(), List.of(), List.of(), description);
  }

  public static AttributeDefinition string(String name, String description) {
    return of(name, AttributeType.STRING, description);
  }

  public static AttributeDefinition complex(String name, String description, AttributeDefinition... subs) {
    return of(name, AttributeType.COMPLEX, description).withSubAttributes(List.of(subs));
  }

  public static AttributeDefinition reference(String name, String description, String... referenceTypes) {
    return new AttributeDefinition(name, AttributeType.REFERENCE, false, false, false, Mutability.READ_WRITE,
        Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(referenceTypes), List.of(), description);
  }

  public AttributeDefinition asMultiValued() {
    return new AttributeDefinition(name, type, true, required, caseExact, mutability, returned, uniqueness,
        canonicalValues, referenceTypes, subAttributes, description);
  }

  public AttributeDefinition asRequired() {
    return new AttributeDefinition(name, type, multiValued, true, caseExact, mutability, returned, uniqueness,
        canonicalValues, referenceTypes, subAttributes, description);
  }

  public AttributeDefinition asCaseExact() {
    return new AttributeDefinition(name, type, multiValued, required, true, mutability, returned, uniqueness,
        canonicalValues, referenceTypes, subAttributes, description);
  }

  public AttributeDefinition with(Mutability newMutability) {
    return new AttributeDefinition(name, type, multiValued, required, caseExact, newMutability, returned,
        uniqueness, canonicalValues, referenceTypes, subAttributes, description);
  }

  public AttributeDefinition with(Returned newReturned) {
    return new AttributeDefinition(name, type, multiValued, required, caseExact, mutability, newReturned,
        uniqueness, canonicalValues, referenceTypes, subAttributes, description);
  }

  public AttributeDefinition with(Uniqueness newUniqueness) {
    return new AttributeDefinition(name, type, multiValued, required, caseExact, mutability, returned,
        newUniqueness, canonicalValues, referenceTypes, subAttributes, description);
  }

  public AttributeDefinition withCanonicalValues(String... values) {
    return new AttributeDefinition(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
        List.of(values), referenceTypes, subAttributes, description);
  }

  public AttributeDefinition withSubAttributes(List<AttributeDefinition> subs) {
    return new AttributeDefinition(name, type, multiValued, required, caseExact, mutability, returned, uniqueness,
        canonicalValues, referenceTypes, subs, description);
  }

  /** The sub-attribute named {@code subName} (attribute names are case-insensitive), or {@code null}. */
  public AttributeDefinition subAttribute(String subName) {
    for (AttributeDefinition sub : subAttributes) {
      if (sub.name.equalsIgnoreCase(subName)) {
        return sub;
      }
    }
    return null;
  }

  public boolean named(String candidate) {
    return name.toLowerCase(Locale.ROOT).equals(candidate.toLowerCase(Locale.ROOT));
  }
}
