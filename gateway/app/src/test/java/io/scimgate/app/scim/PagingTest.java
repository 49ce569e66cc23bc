package io.scimgate.app.scim;

import static io.scimgate.app.support.ScimAssertions.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Walking 10,000 users as Okta imports them (count=100), and with RFC 9865 cursors under churn. */
class PagingTest {
  private static final int USERS = 10_000;
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;
  private static final Set<String> seeded = new HashSet<>();

  @BeforeAll
  static void seed() {
    scim = gateway.newConnection("okta").scim();
    for (int batch = 0; batch < USERS / 1000; batch++) {
      List<String> operations = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int n = batch * 1000 + i;
        operations.add("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u" + n + "\",\"data\":{\"userName\":"
            + "\"import" + n + "@okta.local\"}}");
      }
      JsonNode response = scim.post("/Bulk", "{\"Operations\":[" + String.join(",", operations) + "]}").json();
      response.get("Operations").forEach(op -> {
        assertThat(op.get("status").asText()).isEqualTo("201");
        String location = op.get("location").asText();
        seeded.add(location.substring(location.lastIndexOf('/') + 1));
      });
    }
    assertThat(seeded).hasSize(USERS);
  }

  /** A partial page implies the total (no count is sent for it): the total must still be exact at every edge. */
  @Test
  void totalsAreExactWhetherThePageImpliesThemOrACountIsNeeded() {
    // the seeded users only: the churn test leaves users of its own behind
    String seededOnly = "&filter=" + Http.encode("userName sw \"import\"");
    assertThat(total("/Users?startIndex=9951&count=100" + seededOnly)).isEqualTo(USERS);
    assertThat(total("/Users?startIndex=20000&count=100" + seededOnly)).as("past the end: counted").isEqualTo(USERS);
    assertThat(total("/Users?count=0" + seededOnly)).isEqualTo(USERS);
    assertThat(total("/Users?filter=" + Http.encode("userName eq \"import7@okta.local\""))).isEqualTo(1);
    assertThat(total("/Users?filter=" + Http.encode("userName eq \"nobody@okta.local\""))).isZero();
    assertThat(total("/Users?count=10&filter=" + Http.encode("userName sw \"import999\""))).as("a full page")
        .isEqualTo(11);
    assertThat(total("/Users?cursor&count=20&filter=" + Http.encode("userName sw \"import999\""))).isEqualTo(11);
    JsonNode first = scim.get("/Users?cursor&count=5&filter=" + Http.encode("userName sw \"import999\"")).json();
    String next = first.get("nextCursor").asText();
    assertThat(total("/Users?count=5&cursor=" + Http.encode(next) + "&filter="
        + Http.encode("userName sw \"import999\""))).as("after a cursor: counted").isEqualTo(11);
  }

  private static int total(String path) {
    return scim.get(path).json().get("totalResults").asInt();
  }

  @Test
  void indexPagingWithCount100SeesEveryUserExactlyOnce() {
    List<String> seen = new ArrayList<>();
    for (int start = 1; ; start += 100) {
      JsonNode page = scim.get("/Users?startIndex=" + start + "&count=100&attributes=userName").json();
      assertThat(page.get("totalResults").asInt()).isEqualTo(USERS);
      if (page.get("Resources").isEmpty()) {
        break;
      }
      assertThat(page.get("itemsPerPage").asInt()).isEqualTo(page.get("Resources").size());
      page.get("Resources").forEach(user -> seen.add(user.get("id").asText()));
    }
    assertThat(seen).hasSize(USERS).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(seeded);
  }

  @Test
  void cursorWalkUnderChurnSeesEveryLongLivedUserExactlyOnce() {
    List<String> seen = new ArrayList<>();
    List<String> churn = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    while (cursor != null) {
      Reply reply = scim.get("/Users?count=100&attributes=userName&cursor=" + cursor);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      JsonNode page = reply.json();
      assertThat(page.has("startIndex")).isFalse();
      page.get("Resources").forEach(user -> seen.add(user.get("id").asText()));
      cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
      // meanwhile the IdP's directory changes: users come and go
      churn.add(scim.post("/Users", "{\"userName\":\"churn" + pages + "@okta.local\"}").json().get("id").asText());
      if (churn.size() > 2) {
        assertThat(scim.delete("/Users/" + churn.remove(0)).status()).isEqualTo(204);
      }
      pages++;
    }
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(seeded);
    assertThat(pages).isGreaterThanOrEqualTo(USERS / 100);
  }

  @Test
  void forgedOrForeignCursorsAreInvalidCursor() {
    JsonNode first = scim.get("/Users?count=10&cursor=").json();
    String cursor = first.get("nextCursor").asText();
    assertScimError(scim.get("/Users?count=10&cursor=" + cursor.substring(0, cursor.length() - 2) + "AA"), 400,
        "invalidCursor");
    assertScimError(scim.get("/Users?count=10&cursor=not-a-cursor"), 400, "invalidCursor");
    assertScimError(scim.get("/Users?count=10&filter=userName%20sw%20%22import%22&cursor=" + cursor), 400,
        "invalidCursor");
    assertScimError(scim.get("/Users?count=10&cursor=&startIndex=5"), 400, "invalidValue");
    assertThat(scim.get("/Users?count=10&cursor=" + cursor).status()).isEqualTo(200);
  }
}
