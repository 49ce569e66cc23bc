package io.scimgate.benchmarks.ceiling;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * The ceiling the gateway is compared with: a minimal Vert.x + pg-client server that answers the load
 * generator's requests with only the one SQL statement each needs (select by userName or externalId, insert the
 * user row, update active or the document, insert one membership row, rename), over the gateway's schema,
 * with a small pipelined client. No validation, no auth, no audit: what is left is HTTP + one statement.
 *
 * <p>Environment: {@code SCIMGATE_DATABASE_URL}; argument: the port (default 18091).
 */
public final class CeilingServer {
  private final SqlClient db;

  private CeilingServer(SqlClient db) {
    this.db = db;
  }

  public static void main(String[] args) {
    int port = args.length == 0 ? 18091 : Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    PgConnectOptions options = PgConnectOptions.fromUri(System.getenv("SCIMGATE_DATABASE_URL"))
        .setCachePreparedStatements(true).setPipeliningLimit(256);
    SqlClient db = PgBuilder.client().with(new PoolOptions().setMaxSize(4)).connectingTo(options).using(vertx).build();
    CeilingServer server = new CeilingServer(db);
    vertx.createHttpServer().requestHandler(server::handle).listen(port, "127.0.0.1").await();
    System.out.println("ceiling server listening on " + port);
  }

  private void handle(HttpServerRequest request) {
    request.body().compose(body -> route(request, body)).onComplete(result -> {
      if (result.failed()) {
        request.response().setStatusCode(500).end(String.valueOf(result.cause().getMessage()));
      }
    });
  }

  /** Paths: /scim/v2/{connection}/Users[/{id}] and /Groups/{id}. */
  private Future<Void> route(HttpServerRequest request, Buffer body) {
    String[] parts = request.path().split("/");
    UUID connection = UUID.fromString(parts[3]);
    String collection = parts[4];
    String method = request.method().name();
    if (method.equals("GET") && collection.equals("Users")) {
      return lookup(request, connection, request.getParam("filter"));
    }
    if (method.equals("POST") && collection.equals("Users")) {
      return create(request, connection, body.toJsonObject());
    }
    UUID id = UUID.fromString(parts[5]);
    JsonObject operation = body.toJsonObject().getJsonArray("Operations").getJsonObject(0);
    if (collection.equals("Users")) {
      return patchUser(request, id, operation);
    }
    return patchGroup(request, id, operation);
  }

  private Future<Void> lookup(HttpServerRequest request, UUID connection, String filter) {
    String value = filter.substring(filter.indexOf('"') + 1, filter.lastIndexOf('"'));
    String sql = filter.startsWith("userName")
        ? "SELECT id FROM scim_users WHERE connection_id = $1 AND lower(user_name) = lower($2)"
        : "SELECT id FROM scim_users WHERE connection_id = $1 AND external_id = $2";
    return db.preparedQuery(sql).execute(Tuple.of(connection, value)).compose(rows -> {
      JsonArray resources = new JsonArray();
      for (Row row : rows) {
        resources.add(new JsonObject().put("id", row.getUUID(0).toString()));
      }
      return json(request, 200, new JsonObject().put("totalResults", resources.size()).put("Resources", resources));
    });
  }

  private Future<Void> create(HttpServerRequest request, UUID connection, JsonObject user) {
    UUID id = UUID.randomUUID();
    return db.preparedQuery("INSERT INTO scim_users (id, tenant_id, connection_id, user_name, external_id, active,"
            + " doc, version, created_at, modified_at) SELECT $1, tenant_id, $2, $3, $4, true, $5::text::jsonb, 1,"
            + " now(), now() FROM connections WHERE id = $2")
        .execute(Tuple.of(id, connection, user.getString("userName"), user.getString("externalId"), user.encode()))
        .compose(done -> json(request, 201, user.put("id", id.toString())));
  }

  private Future<Void> patchUser(HttpServerRequest request, UUID id, JsonObject operation) {
    JsonObject value = operation.getValue("value") instanceof JsonObject object ? object : null;
    Future<RowSet<Row>> update = value != null && value.containsKey("active")
        ? db.preparedQuery("UPDATE scim_users SET active = $2, version = version + 1, modified_at = now() WHERE id = $1")
            .execute(Tuple.of(id, value.getBoolean("active")))
        : db.preparedQuery("UPDATE scim_users SET doc = doc || $2::text::jsonb, version = version + 1,"
                + " modified_at = now() WHERE id = $1")
            .execute(Tuple.of(id, new JsonObject().put("displayName", String.valueOf(operation.getValue("value")))
                .encode()));
    return update.compose(done -> json(request, 200, new JsonObject().put("id", id.toString())));
  }

  private Future<Void> patchGroup(HttpServerRequest request, UUID id, JsonObject operation) {
    Future<RowSet<Row>> change = "members".equals(operation.getString("path"))
        ? db.preparedQuery("INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)"
                + " VALUES ((SELECT tenant_id FROM scim_groups WHERE id = $1), $1, $2, 'User') ON CONFLICT DO NOTHING")
            .execute(Tuple.of(id, UUID.fromString(operation.getJsonArray("value").getJsonObject(0).getString("value"))))
        : db.preparedQuery("UPDATE scim_groups SET display_name = $2 WHERE id = $1")
            .execute(Tuple.of(id, operation.getJsonObject("value").getString("displayName")));
    return change.compose(done -> request.response().setStatusCode(204).end());
  }

  private static Future<Void> json(HttpServerRequest request, int status, JsonObject body) {
    return request.response().setStatusCode(status).putHeader("Content-Type", "application/scim+json")
        .end(body.encode());
  }
}
