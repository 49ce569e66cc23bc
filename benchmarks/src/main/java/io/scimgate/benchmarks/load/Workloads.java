package io.scimgate.benchmarks.load;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request sequences real IdPs send (docs/idp-behaviour.md), against users and groups seeded beforehand.
 *
 * <ul>
 *   <li>{@code okta-import}: {@code GET /Users?filter=userName eq} then {@code POST /Users} (about 1 KB).</li>
 *   <li>{@code entra-cycle}: {@code GET ?filter=externalId eq} then a PATCH in Entra's style.</li>
 *   <li>{@code deactivate}: Okta's path-less {@code replace active false / true} on existing users.</li>
 *   <li>{@code group-storm}: one member added to one of a few large groups; every tenth step Okta's rename.</li>
 *   <li>{@code mixed}: each step one of the four, at random.</li>
 * </ul>
 */
final class Workloads {
  static final List<String> NAMES = List.of("okta-import", "entra-cycle", "deactivate", "group-storm", "mixed");

  private final Scim scim;
  private final Seed seed;
  private final AtomicLong created = new AtomicLong();

  /** What the workloads act on: seeded users (userName/externalId by index) and large groups. */
  record Seed(List<UUID> users, String userPrefix, List<String> groups) {}

  Workloads(Scim scim, Seed seed) {
    this.scim = scim;
    this.seed = seed;
  }

  Workload named(String name) {
    return switch (name) {
      case "okta-import" -> random -> oktaImport();
      case "entra-cycle" -> random -> entraCycle(random.nextInt(seed.users().size()), random.nextInt());
      case "deactivate" -> random -> deactivate(random.nextInt(seed.users().size()), random.nextBoolean());
      case "group-storm" -> random -> groupStorm(random.nextInt(seed.groups().size()),
          random.nextInt(seed.users().size()), random.nextInt(10) == 0);
      case "mixed" -> random -> named(NAMES.get(random.nextInt(4))).step(random);
      default -> throw new IllegalArgumentException("Unknown workload '" + name + "'; one of " + NAMES);
    };
  }

  private Future<Void> oktaImport() {
    String userName = "okta-" + UUID.randomUUID() + "@bench.local";
    return scim.get("lookup userName", "/Users?" + Scim.filter("userName", userName) + "&startIndex=1&count=100")
        .compose(found -> scim.post("create user", "/Users",
            OktaCreatePayload.json(userName, created.incrementAndGet())))
        .mapEmpty();
  }

  private Future<Void> entraCycle(int user, int salt) {
    String externalId = seed.userPrefix() + "-ext-" + user;
    return scim.get("lookup externalId", "/Users?" + Scim.filter("externalId", externalId)
            + "&excludedAttributes=members")
        .compose(found -> found == null || found.getJsonArray("Resources").isEmpty() ? Future.succeededFuture()
            : scim.patch("patch user (entra)", "/Users/" + found.getJsonArray("Resources").getJsonObject(0)
                .getString("id"),
                "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"User " + salt + "\"},"
                    + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"u" + salt
                    + "@contoso.example\"},{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:schemas:extension:"
                    + "enterprise:2.0:User:department\",\"value\":\"Dept " + (salt % 50) + "\"}"))
        .mapEmpty();
  }

  private Future<Void> deactivate(int user, boolean active) {
    return scim.patch("patch active", "/Users/" + seed.users().get(user),
        "{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}").mapEmpty();
  }

  private Future<Void> groupStorm(int group, int user, boolean rename) {
    String id = seed.groups().get(group);
    Future<?> add = scim.patch("patch add member", "/Groups/" + id,
        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + seed.users().get(user) + "\"}]}");
    return !rename ? add.mapEmpty() : add.compose(done -> scim.patch("patch rename group", "/Groups/" + id,
        "{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"Storm " + group + "\"}}"))
        .mapEmpty();
  }
}
