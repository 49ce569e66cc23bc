package io.scimgate.app.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.support.GatewayExtension;
import io.scimgate.app.support.Http;
import io.scimgate.app.support.Reply;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random filters against a random directory: PostgreSQL (through the gateway's SQL translation) returns
 * exactly the users the in-memory matcher selects, and random garbage never makes the gateway fail with 500.
 * Seeded: every failure names its seed and run; replay it with {@code -Dscimgate.seed=<seed>}.
 */
class FilterPropertyTest {
  private static final long SEED = Long.getLong("scimgate.seed", 20261128L);
  private static final int RUNS = 300;
  /** Deep enough for nested and/or/not, shallow enough that a filter stays a readable failure message. */
  private static final int MAX_DEPTH = 3;
  private static final String[] WORDS = {"ann", "Ann", "bo", "BOB", "c_d", "50%", "x.y", "O'Neil", "zed", "e\\\\f"};
  private static final String[] TEXT_PATHS = {"userName", "displayName", "title", "name.familyName", "externalId",
      "emails.value", "emails.type", "emails", CoreSchemas.ENTERPRISE_USER_URN + ":department"};
  private static final String[] TEXT_OPERATORS = {"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"};
  private static final String[] FIXED_LEAVES = {"title eq null", "title ne null", "active eq true",
      "active eq false", "active ne true", "emails[not (type eq \"work\")]", "emails[value pr]", "meta.created pr"};
  private static final String GARBAGE_CHARACTERS = "ab eqorntpr()[]\"\\.:_%-1eEtrufalsnl";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.create();
  private static Http scim;
  private static List<ObjectNode> users;

  @BeforeAll
  static void seed() {
    scim = gateway.newConnection("custom").scim();
    Random random = new Random(1128);
    for (int i = 0; i < 40; i++) {
      Reply created = scim.post("/Users", randomUser(random, i));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    users = new ArrayList<>();
    scim.get("/Users?count=1000").json().get("Resources").forEach(user -> users.add((ObjectNode) user));
    System.out.println("FilterPropertyTest seed " + SEED + " (replay: -Dscimgate.seed=" + SEED + ")");
  }

  @Test
  void sqlAgreesWithTheInMemoryMatcher() {
    Random random = new Random(SEED);
    Set<String> selections = new TreeSet<>();
    for (int run = 0; run < RUNS; run++) {
      String filter = filter(random, 0);
      String context = "seed " + SEED + ", run " + run + ": " + filter;
      Filter parsed = FilterParser.parse(filter);
      Set<String> expected = new TreeSet<>();
      users.stream().filter(user -> ResourceFilterMatcher.matches(parsed, CoreSchemas.USER_TYPE, user))
          .forEach(user -> expected.add(user.get("userName").asText()));
      Reply reply = scim.get("/Users?count=1000&attributes=userName&filter=" + encode(filter));
      assertThat(reply.status()).as(context + " -> " + reply).isEqualTo(200);
      Set<String> actual = new TreeSet<>();
      reply.json().get("Resources").forEach(user -> actual.add(user.get("userName").asText()));
      assertThat(actual).as(context).isEqualTo(expected);
      selections.add(expected.isEmpty() ? "none" : expected.size() == users.size() ? "all" : "some");
    }
    // the generator selects none, some and all users, not only trivial cases
    assertThat(selections).as("seed " + SEED).containsExactlyInAnyOrder("all", "none", "some");
  }

  @Test
  void garbageIsNeverAServerError() {
    Random random = new Random(SEED + 1);
    for (int run = 0; run < RUNS; run++) {
      String filter = garbage(random);
      Reply reply = scim.get("/Users?filter=" + encode(filter));
      String context = "seed " + SEED + ", run " + run + ": " + filter + " -> " + reply;
      assertThat(reply.status()).as(context).isIn(200, 400);
      if (reply.status() == 400) {
        assertThat(reply.json().get("scimType").asText()).as(context).isIn("invalidFilter", "invalidValue");
      }
    }
  }

  /** A leaf half of the time (always at the depth limit), else and / or of two filters, or not of a leaf. */
  private static String filter(Random random, int depth) {
    int choice = depth >= MAX_DEPTH ? 0 : random.nextInt(6);
    return switch (choice) {
      case 3 -> "(" + filter(random, depth + 1) + " and " + filter(random, depth + 1) + ")";
      case 4 -> "(" + filter(random, depth + 1) + " or " + filter(random, depth + 1) + ")";
      case 5 -> "not (" + leaf(random) + ")";
      default -> leaf(random);
    };
  }

  private static String leaf(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> pick(random, TEXT_PATHS) + " " + pick(random, TEXT_OPERATORS) + " " + quotedWord(random);
      case 1 -> pick(random, TEXT_PATHS) + " pr";
      case 2 -> "emails[type eq \"" + pick(random, new String[] {"work", "home", "other"}) + "\" and value co "
          + quotedWord(random) + "]";
      default -> pick(random, FIXED_LEAVES);
    };
  }

  private static String quotedWord(Random random) {
    return "\"" + pick(random, WORDS).replace("\"", "\\\"") + "\"";
  }

  /** Up to 40 characters from the filter grammar's alphabet, not blank. */
  private static String garbage(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
      text.append(GARBAGE_CHARACTERS.charAt(random.nextInt(GARBAGE_CHARACTERS.length())));
    }
    return text.toString().isBlank() ? "a" + text : text.toString();
  }

  private static String randomUser(Random random, int n) {
    StringBuilder body = new StringBuilder("{\"userName\":\"u" + n + jsonWord(random) + "\",\"active\":"
        + random.nextBoolean());
    if (random.nextBoolean()) {
      body.append(",\"displayName\":\"").append(jsonWord(random)).append(' ').append(jsonWord(random)).append('"');
    }
    if (random.nextInt(3) > 0) {
      body.append(",\"title\":\"").append(jsonWord(random)).append('"');
    }
    if (random.nextBoolean()) {
      body.append(",\"externalId\":\"").append(jsonWord(random)).append(n).append('"');
    }
    if (random.nextBoolean()) {
      body.append(",\"name\":{\"familyName\":\"").append(jsonWord(random)).append("\"}");
    }
    int emails = random.nextInt(3);
    if (emails > 0) {
      List<String> list = new ArrayList<>();
      String[] types = {"work", "home", "other"};
      for (int i = 0; i < emails; i++) {
        list.add("{\"value\":\"" + jsonWord(random) + i + "@" + jsonWord(random) + ".com\",\"type\":\"" + types[i]
            + "\"}");
      }
      body.append(",\"emails\":[").append(String.join(",", list)).append(']');
    }
    if (random.nextBoolean()) {
      body.append(",\"").append(CoreSchemas.ENTERPRISE_USER_URN).append("\":{\"department\":\"")
          .append(jsonWord(random)).append("\"}");
    }
    return body.append('}').toString();
  }

  private static String jsonWord(Random random) {
    return pick(random, WORDS).replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
