package io.scimgate.scim.schema;

import static io.scimgate.scim.schema.AttributeDefinition.complex;
import static io.scimgate.scim.schema.AttributeDefinition.of;
import static io.scimgate.scim.schema.AttributeDefinition.reference;
import static io.scimgate.scim.schema.AttributeDefinition.string;

import java.util.List;

/**
 * The schemas of RFC 7643: core User (§4.1), Enterprise User extension (§4.3), Group (§4.2), and the common
 * attributes every resource has (§3.1). Definitions follow the RFC's §8.7.1 representation.
 */
public final class CoreSchemas {
  public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

  public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(
      string("id", "Unique identifier assigned by the service provider.").asCaseExact()
          .with(Mutability.READ_ONLY).with(Returned.ALWAYS).with(Uniqueness.SERVER),
      string("externalId", "Identifier assigned by the provisioning client.").asCaseExact(),
      complex("meta", "Resource metadata.",
          string("resourceType", "The resource type name.").asCaseExact().with(Mutability.READ_ONLY),
          of("created", AttributeType.DATE_TIME, "When the resource was added.").with(Mutability.READ_ONLY),
          of("lastModified", AttributeType.DATE_TIME, "When the resource was last changed.")
              .with(Mutability.READ_ONLY),
          reference("location", "The URI of the resource.", "uri").asCaseExact().with(Mutability.READ_ONLY),
          string("version", "The resource version (weak ETag).").asCaseExact().with(Mutability.READ_ONLY))
          .with(Mutability.READ_ONLY));

  public static final Schema USER = new Schema(USER_URN, "User", "User Account", List.of(
      string("userName", "Unique identifier for the User, used to authenticate to the service provider.")
          .asRequired().with(Uniqueness.SERVER),
      complex("name", "The components of the user's real name.",
          string("formatted", "The full name."),
          string("familyName", "The family name."),
          string("givenName", "The given name."),
          string("middleName", "The middle name(s)."),
          string("honorificPrefix", "The honorific prefix(es)."),
          string("honorificSuffix", "The honorific suffix(es).")),
      string("displayName", "The name of the User, suitable for display to end-users."),
      string("nickName", "The casual way to address the user."),
      reference("profileUrl", "A URI of the user's online profile.", "external"),
      string("title", "The user's title."),
      string("userType", "The relationship between the organization and the user."),
      string("preferredLanguage", "The user's preferred written or spoken language."),
      string("locale", "The user's default location."),
      string("timezone", "The user's time zone in IANA format."),
      of("active", AttributeType.BOOLEAN, "The user's administrative status."),
      string("password", "The user's cleartext password; accepted, never stored or returned.")
          .with(Mutability.WRITE_ONLY).with(Returned.NEVER),
      multiValuedTyped("emails", "Email addresses for the user.", "work", "home", "other"),
      multiValuedTyped("phoneNumbers", "Phone numbers for the user.", "work", "home", "mobile", "fax", "pager",
          "other"),
      multiValuedTyped("ims", "Instant messaging addresses for the user.", "aim", "gtalk", "icq", "xmpp", "msn",
          "skype", "qq", "yahoo"),
      photos(),
      addresses(),
      complex("groups", "The groups the user belongs to, maintained by the service provider.",
          string("value", "The identifier of the group.").with(Mutability.READ_ONLY),
          reference("$ref", "The URI of the group.", "User", "Group").with(Mutability.READ_ONLY),
          string("display", "The group's display name.").with(Mutability.READ_ONLY),
          string("type", "direct or indirect.").with(Mutability.READ_ONLY).withCanonicalValues("direct", "indirect"))
          // returned on request (attributes=groups): deriving it costs every user read a join
          .asMultiValued().with(Mutability.READ_ONLY).with(Returned.REQUEST),
      simpleMultiValued("entitlements", "Entitlements of the user."),
      simpleMultiValued("roles", "Roles of the user."),
      simpleMultiValued("x509Certificates", "X.509 certificates of the user.")));

  public static final Schema ENTERPRISE_USER = new Schema(ENTERPRISE_USER_URN, "EnterpriseUser",
      "Enterprise User", List.of(
          string("employeeNumber", "Numeric or alphanumeric identifier assigned to a person."),
          string("costCenter", "Identifies the name of a cost center."),
          string("organization", "Identifies the name of an organization."),
          string("division", "Identifies the name of a division."),
          string("department", "Identifies the name of a department."),
          complex("manager", "The user's manager.",
              string("value", "The id of the SCIM resource representing the manager."),
              reference("$ref", "The URI of the manager.", "User"),
              string("displayName", "The manager's display name.").with(Mutability.READ_ONLY))));

  public static final Schema GROUP = new Schema(GROUP_URN, "Group", "Group", List.of(
      string("displayName", "A human-readable name for the Group.").asRequired(),
      complex("members", "A list of members of the Group.",
          string("value", "Identifier of the member.").with(Mutability.IMMUTABLE),
          reference("$ref", "The URI of the member.", "User", "Group").with(Mutability.IMMUTABLE),
          string("display", "The member's display name.").with(Mutability.READ_ONLY),
          string("type", "The member's resource type.").with(Mutability.IMMUTABLE).withCanonicalValues("User", "Group"))
          .asMultiValued()));

  public static final ResourceType USER_TYPE = new ResourceType("User", "/Users", "User Account", USER,
      List.of(ENTERPRISE_USER));
  public static final ResourceType GROUP_TYPE = new ResourceType("Group", "/Groups", "Group", GROUP, List.of());

  public static final List<Schema> ALL = List.of(USER, ENTERPRISE_USER, GROUP);
  public static final List<ResourceType> RESOURCE_TYPES = List.of(USER_TYPE, GROUP_TYPE);

  private CoreSchemas() {}

  private static AttributeDefinition multiValuedTyped(String name, String description, String... types) {
    return complex(name, description,
        string("value", "The value."),
        string("display", "A human-readable name, primarily used for display purposes."),
        string("type", "A label indicating the attribute's function.").withCanonicalValues(types),
        of("primary", AttributeType.BOOLEAN, "Whether this is the primary value."))
        .asMultiValued();
  }

  private static AttributeDefinition simpleMultiValued(String name, String description) {
    return complex(name, description,
        string("value", "The value."),
        string("display", "A human-readable name."),
        string("type", "A label indicating the attribute's function."),
        of("primary", AttributeType.BOOLEAN, "Whether this is the primary value."))
        .asMultiValued();
  }

  private static AttributeDefinition photos() {
    return complex("photos", "URLs of photos of the user.",
        reference("value", "URL of a photo of the user.", "external"),
        string("display", "A human-readable name."),
        string("type", "photo or thumbnail.").withCanonicalValues("photo", "thumbnail"),
        of("primary", AttributeType.BOOLEAN, "Whether this is the primary photo."))
        .asMultiValued();
  }

  private static AttributeDefinition addresses() {
    return complex("addresses", "A physical mailing address for this user.",
        string("formatted", "The full mailing address."),
        string("streetAddress", "The full street address component."),
        string("locality", "The city or locality component."),
        string("region", "The state or region component."),
        string("postalCode", "The zip code or postal code component."),
        string("country", "The country name component."),
        string("type", "A label indicating the attribute's function.").withCanonicalValues("work", "home", "other"),
        of("primary", AttributeType.BOOLEAN, "Whether this is the primary address."))
        .asMultiValued();
  }
}
