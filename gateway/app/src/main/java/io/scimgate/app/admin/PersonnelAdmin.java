package io.scimgate.app.admin;

import static io.scimgate.app.http.Routes.async;

import io.scimgate.app.http.Params;
import io.scimgate.app.http.Responses;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.pipeline.Person;
import io.scimgate.persistence.pipeline.PersonnelCursor;
import io.scimgate.persistence.pipeline.PersonnelFilter;
import io.scimgate.persistence.pipeline.PersonnelHistoryEntry;
import io.scimgate.persistence.pipeline.PersonnelRepository;
import io.scimgate.persistence.pipeline.PersonnelStatus;
import io.scimgate.persistence.tenant.TenantRepository;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code /admin/v1/tenants/{tenantId}/personnel}: the tenant's people (imported, invited, active,
 * deprovisioned), one person with their identities and history, and accepting an invitation on someone's behalf
 * (it stands in for the product's sign-up, which is where acceptance really happens). {@code {personId}} may
 * also be the id of a SCIM user that is the person (links from before people spanned connections keep working);
 * the answer always gives the person's own {@code id}.
 */
final class PersonnelAdmin {
  /** Longer than any name or address anyone types into a search box. */
  static final int MAX_SEARCH_LENGTH = 200;

  private final TenantRepository tenants;
  private final PersonnelRepository personnel;

  PersonnelAdmin(TenantRepository tenants, PersonnelRepository personnel) {
    this.tenants = tenants;
    this.personnel = personnel;
  }

  void mount(Router router) {
    String base = "/tenants/:tenantId/personnel";
    router.get(base).handler(async(this::list));
    router.get(base + "/:personId").handler(async(this::get));
    router.post(base + "/:personId/accept").handler(async(this::accept));
  }

  /**
   * {@code q} is a prefix search (see PersonnelFilter); {@code after} continues from a previous page's
   * {@code nextAfter}; {@code offset} still works (clients from before the cursor), but not with {@code after}.
   */
  private Future<Void> list(RoutingContext ctx) {
    PersonnelFilter filter = new PersonnelFilter(status(ctx), InviteJson.uuidQuery(ctx, "groupId"),
        InviteJson.uuidQuery(ctx, "connectionId"), Params.searchQuery(ctx, "q", MAX_SEARCH_LENGTH));
    PersonnelCursor after = after(ctx);
    int offset = Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    if (after != null && offset > 0) {
      throw ScimException.invalidValue("Query parameters 'after' and 'offset' cannot be combined: 'after' already"
          + " says where the page starts");
    }
    int limit = Params.intQuery(ctx, "limit", 100, 1, 1000);
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> personnel.list(tenant.id(), filter, after, offset, limit))
        .compose(page -> Responses.json(ctx, 200, InviteJson.personnelPage(page)));
  }

  private Future<Void> get(RoutingContext ctx) {
    UUID personId = Params.uuidPath(ctx, "personId", "Person");
    return TenantAdmin.existing(tenants, ctx).compose(tenant -> {
      Future<Person> person = personnel.get(tenant.id(), personId);
      Future<List<PersonnelHistoryEntry>> history = personnel.history(tenant.id(), personId);
      return Future.all(person, history).compose(done -> Responses.json(ctx, 200,
          InviteJson.personWithHistory(found(person.result(), personId), history.result())));
    });
  }

  /** Only an invited person can accept: the others have no invitation outstanding. */
  private Future<Void> accept(RoutingContext ctx) {
    UUID personId = Params.uuidPath(ctx, "personId", "Person");
    return TenantAdmin.existing(tenants, ctx)
        .compose(tenant -> personnel.accept(tenant.id(), personId, InviteJson.audit(ctx, tenant.id())))
        .compose(change -> {
          Person person = found(change.current(), personId);
          if (!change.applied()) {
            throw ScimException.of(409, null, "Person '" + person.id() + "' is " + person.status().dbValue()
                + ", not invited: only an outstanding invitation can be accepted");
          }
          return Responses.json(ctx, 200, InviteJson.person(person));
        });
  }

  private static Person found(Person person, UUID personId) {
    if (person == null) {
      throw ScimException.notFound("Person '" + personId + "' not found in this tenant");
    }
    return person;
  }

  private static PersonnelCursor after(RoutingContext ctx) {
    String value = ctx.request().getParam("after");
    return value == null || value.isBlank() ? null : PersonnelCursors.decode(value.strip());
  }

  private static PersonnelStatus status(RoutingContext ctx) {
    String value = ctx.request().getParam("status");
    if (value == null || value.isBlank()) {
      return null;
    }
    return PersonnelStatus.parse(value.strip()).orElseThrow(() -> ScimException.invalidValue(
        "Query parameter 'status' must be one of " + Arrays.stream(PersonnelStatus.values())
            .map(PersonnelStatus::dbValue).toList() + ", was '" + value + "'"));
  }
}
