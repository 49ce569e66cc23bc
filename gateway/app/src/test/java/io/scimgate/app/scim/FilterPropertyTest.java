package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
import io.scimgate.app.support.TestGateway;
import io.scimgate.scim.filter.Filter;
import io.scimgate.scim.filter.FilterParser;
import io.scimgate.scim.filter.ResourceFilterMatcher;
import io.scimgate.scim.schema.CoreSchemas;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random filters against a random directory: PostgreSQL (through the gateway's SQL translation) returns
 * exactly the users the in-memory matcher selects, and random garbage never makes the gateway fail with 500.
 */
class FilterPropertyTest {
  private static final String[] WORDS = {"ann", "Ann", "bo", "BOB", "c_d", "50%", "x.y", "O'Neil", "zed", "e\\\\f"};
  private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;
  private static TestGateway gateway;
  private static Http scim;
  private static List<ObjectNode> users;

  @BeforeContainer
  static void seed() {
    gateway = TestGateway.start();
    scim = gateway.newConnection("custom").scim();
    Random random = new Random(1128);
    for (int i = 0; i < 40; i++) {
      Reply created = scim.post("/Users", randomUser(random, i));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    users = new ArrayList<>();
    scim.get("/Users?count=1000").json().get("Resources").forEach(user -> users.add((ObjectNode) user));
  }

  @AfterContainer
  static void stop() {
    gateway.close();
  }

  @Property(tries = 300, seed = "20261128")
  void sqlAgreesWithTheInMemoryMatcher(@ForAll("filters") String filter) {
    Filter parsed = FilterParser.parse(filter);
    Set<String> expected = new TreeSet<>();
    users.stream().filter(user -> ResourceFilterMatcher.matches(parsed, CoreSchemas.USER_TYPE, user))
        .forEach(user -> expected.add(user.get("userName").asText()));
    Reply reply = scim.get("/Users?count=1000&attributes=userName&filter=" + encode(filter));
    assertThat(reply.status()).as(filter + " -> " + reply).isEqualTo(200);
    Set<String> actual = new TreeSet<>();
    reply.json().get("Resources").forEach(user -> actual.add(user.get("userName").asText()));
    assertThat(actual).as(filter).isEqualTo(expected);
    // the report shows the generator selects none, some and all users, not only trivial cases
    Statistics.label("users selected").collect(expected.isEmpty() ? "none"
        : expected.size() == users.size() ? "all" : "some");
  }

  @Property(tries = 300, seed = "1128")
  void garbageIsNeverAServerError(@ForAll("garbage") String filter) {
    Reply reply = scim.get("/Users?filter=" + encode(filter));
    assertThat(reply.status()).as(filter + " -> " + reply).isIn(200, 400);
    if (reply.status() == 400) {
      assertThat(reply.json().get("scimType").asText()).isIn("invalidFilter", "invalidValue");
    }
  }

  @Provide
  Arbitrary<String> filters() {
    return Arbitraries.lazyOf(FilterPropertyTest::leaf, FilterPropertyTest::leaf, FilterPropertyTest::leaf,
        () -> Arbitraries.oneOf(filters(), leaf()).tuple2().map(t -> "(" + t.get1() + " and " + t.get2() + ")"),
        () -> Arbitraries.oneOf(filters(), leaf()).tuple2().map(t -> "(" + t.get1() + " or " + t.get2() + ")"),
        () -> leaf().map(f -> "not (" + f + ")"));
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.strings().withChars("ab eqorntpr()[]\"\\.:_%-1eEtrufalsnl").ofMaxLength(40)
        .filter(text -> !text.isBlank());
  }

  private static Arbitrary<String> leaf() {
    Arbitrary<String> word = Arbitraries.of(WORDS).map(w -> "\"" + w.replace("\"", "\\\"") + "\"");
    Arbitrary<String> textPath = Arbitraries.of("userName", "displayName", "title", "name.familyName",
        "externalId", "emails.value", "emails.type", "emails", ENTERPRISE + ":department");
    Arbitrary<String> textOp = Arbitraries.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
    return Arbitraries.oneOf(
        textPath.flatMap(path -> textOp.flatMap(op -> word.map(value -> path + " " + op + " " + value))),
        textPath.map(path -> path + " pr"),
        Arbitraries.of("title eq null", "title ne null", "active eq true", "active eq false", "active ne true"),
        Arbitraries.of("work", "home", "other").flatMap(type -> word.map(value ->
            "emails[type eq \"" + type + "\" and value co " + value + "]")),
        Arbitraries.of("emails[not (type eq \"work\")]", "emails[value pr]", "meta.created pr"));
  }

  private static String randomUser(Random random, int n) {
    StringBuilder body = new StringBuilder("{\"userName\":\"u" + n + pick(random) + "\",\"active\":"
        + random.nextBoolean());
    if (random.nextBoolean()) {
      body.append(",\"displayName\":\"").append(pick(random)).append(' ').append(pick(random)).append('"');
    }
    if (random.nextInt(3) > 0) {
      body.append(",\"title\":\"").append(pick(random)).append('"');
    }
    if (random.nextBoolean()) {
      body.append(",\"externalId\":\"").append(pick(random)).append(n).append('"');
    }
    if (random.nextBoolean()) {
      body.append(",\"name\":{\"familyName\":\"").append(pick(random)).append("\"}");
    }
    int emails = random.nextInt(3);
    if (emails > 0) {
      List<String> list = new ArrayList<>();
      String[] types = {"work", "home", "other"};
      for (int i = 0; i < emails; i++) {
        list.add("{\"value\":\"" + pick(random) + i + "@" + pick(random) + ".com\",\"type\":\"" + types[i] + "\"}");
      }
      body.append(",\"emails\":[").append(String.join(",", list)).append(']');
    }
    if (random.nextBoolean()) {
      body.append(",\"").append(ENTERPRISE).append("\":{\"department\":\"").append(pick(random)).append("\"}");
    }
    return body.append('}').toString();
  }

  private static String pick(Random random) {
    return WORDS[random.nextInt(WORDS.length)].replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
