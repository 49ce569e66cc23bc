package io.scimgate.app.scim;

import static io.scimgate.app.scim.GroupOperations.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.http.RequestIds;
import io.scimgate.app.http.Responses;
import io.scimgate.app.http.StreamedJsonObject;
import io.scimgate.persistence.resource.GroupMember;
import io.scimgate.persistence.resource.StoredGroup;
import io.scimgate.scim.json.ScimJson;
import io.scimgate.scim.resource.Projection;
import io.scimgate.scim.schema.CoreSchemas;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group's answer with its members read and sent a page at a time, so that a group of a million members costs
 * the gateway a few pages of memory, not the whole list: the JSON before {@code members} (the head), each page of
 * members as soon as it is read, then the rest (with {@code meta}). The bytes are those of the answer built whole
 * ({@link ScimRenderer#group} and the projection): same member order, {@code display} the member's current name.
 *
 * <p>The first page is read before anything is written, so a failure there (a missing group was caught before)
 * still gets its SCIM error. After the head, an answer cannot change its status: a failure resets the connection
 * ({@link io.scimgate.app.http.ErrorHandler}), and chunked encoding lets the client see that the body was cut
 * rather than receive a shorter document that parses. The next page is read and rendered while the previous one
 * drains; a client that reads slowly makes the reading wait ({@code writeQueueFull}), one that leaves stops it.
 */
final class StreamedGroup {
  private static final Logger LOG = LoggerFactory.getLogger(StreamedGroup.class);

  /** Reads the members of one group that follow a member id ({@code null}: from the first), ordered by id. */
  @FunctionalInterface
  interface MemberPages {
    Future<List<GroupMember>> after(UUID memberId, int limit);
  }

  private final RoutingContext ctx;
  private final MemberPages pages;
  private final int perFetch;
  private final String baseUrl;
  private final Projection projection;
  private final Promise<Void> done = Promise.promise();
  private HttpServerResponse response;
  private StreamedJsonObject json;

  private StreamedGroup(RoutingContext ctx, MemberPages pages, int perFetch, String baseUrl, Projection projection) {
    this.ctx = ctx;
    this.pages = pages;
    this.perFetch = perFetch;
    this.baseUrl = baseUrl;
    this.projection = projection;
  }

  /**
   * Whether an answer with this projection streams its members: they are shown, and the projection treats each
   * member alone (a value filter on {@code members} in {@code attributes} needs the whole list: such answers are
   * built whole, as are all of them when {@code perFetch} is 0).
   */
  static boolean applies(Projection projection, int perFetch) {
    return perFetch > 0 && projection.includes(MEMBERS) && projection.projectsValuesApart(MEMBERS);
  }

  /**
   * Answers with {@code group} (read without members) and its members, {@code perFetch} per statement, with the
   * headers of every single-resource answer ({@link ResourceHeaders}) once the first page is read.
   */
  static Future<Void> send(RoutingContext ctx, int status, StoredGroup group, String baseUrl, Projection projection,
      MemberPages pages, int perFetch) {
    StreamedGroup stream = new StreamedGroup(ctx, pages, perFetch, baseUrl, projection);
    return pages.after(null, perFetch).compose(first -> stream.start(status, group, first));
  }

  private Future<Void> start(int status, StoredGroup group, List<GroupMember> first) {
    // rendered whole with no members, "members": [] marks where the streamed ones go (before meta)
    ObjectNode head = projection.apply(CoreSchemas.GROUP_TYPE,
        ScimRenderer.group(group.withMembers(List.of()), baseUrl));
    json = StreamedJsonObject.around(head, MEMBERS);
    ResourceHeaders.put(ctx, ScimRenderer.groupLocation(baseUrl, group.resource().id()), group.resource().version());
    response = Responses.scimStream(ctx, status);
    ctx.addEndHandler(ended -> {
      if (ended.failed()) {
        done.tryFail(new HttpClosedException("The client went away during the group's members"));
      }
    });
    render(first);
    return done.future();
  }

  /**
   * Renders a page as soon as it is read and starts reading the next, then sends it once the client has taken the
   * previous one: the client always has a page to read while the gateway renders and reads the following ones. At
   * most three pages are held: one in the socket's buffers, one rendered, one being read.
   */
  private void render(List<GroupMember> page) {
    try {
      for (JsonNode member : projected(page)) {
        json.value(member);
      }
      boolean last = page.size() < perFetch;
      String text = last ? json.finish() : json.take();
      Future<List<GroupMember>> next = last ? null : pages.after(page.get(page.size() - 1).value(), perFetch);
      drained().onSuccess(ready -> sendPage(text, next)).onFailure(this::abort);
    } catch (RuntimeException e) {
      // called from a future's handler: thrown on, it would be logged there and the answer would never end
      abort(e);
    }
  }

  /** Sends a rendered page; then ends (no {@code next} page) or goes on with the next page once it is read. */
  private void sendPage(String text, Future<List<GroupMember>> next) {
    if (next == null) {
      response.end(text).onSuccess(ended -> done.tryComplete()).onFailure(this::abort);
      return;
    }
    response.write(text);
    next.onSuccess(this::render).onFailure(this::abort);
  }

  /**
   * The page's members as the projection shows them: the projection applied to a document holding only them,
   * which for a projection that {@link #applies} gives the same values as applying it to the whole group.
   */
  private JsonNode projected(List<GroupMember> page) {
    ArrayNode members = ScimJson.MAPPER.createArrayNode();
    page.forEach(member -> members.add(ScimRenderer.member(member, baseUrl)));
    if (projection.keepsEverything()) {
      return members; // what apply would give, without copying every member
    }
    ObjectNode only = ScimJson.object();
    only.set(MEMBERS, members);
    JsonNode shown = projection.apply(CoreSchemas.GROUP_TYPE, only).get(MEMBERS);
    return shown == null ? ScimJson.MAPPER.createArrayNode() : shown;
  }

  private Future<Void> drained() {
    if (!response.writeQueueFull()) {
      return Future.succeededFuture();
    }
    Promise<Void> drained = Promise.promise();
    response.drainHandler(ready -> drained.tryComplete());
    return drained.future();
  }

  /** A failure after the head: the caller's failure handler resets the connection; a vanished client is routine. */
  private void abort(Throwable failure) {
    if (!response.closed()) {
      LOG.warn("Group answer cut after its head on {} (request {}): {}", ctx.normalizedPath(), RequestIds.of(ctx),
          failure.toString());
    }
    done.tryFail(failure);
  }
}
