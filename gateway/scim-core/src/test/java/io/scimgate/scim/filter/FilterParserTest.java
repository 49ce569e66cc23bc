package io.scimgate.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimgate.connectors.api.ScimException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven: the RFC 7644 §3.4.2.2 examples, IdP filters, and errors with positions. */
class FilterParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // RFC 7644 §3.4.2.2 examples
      "userName eq \"bjensen\"                                         | userName eq \"bjensen\"",
      "name.familyName co \"O'Malley\"                                 | name.familyName co \"O'Malley\"",
      "userName sw \"J\"                                               | userName sw \"J\"",
      "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"    | urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
      "title pr                                                      | title pr",
      "meta.lastModified gt \"2011-05-13T04:42:34Z\"                   | meta.lastModified gt \"2011-05-13T04:42:34Z\"",
      "meta.lastModified le \"2011-05-13T04:42:34Z\"                   | meta.lastModified le \"2011-05-13T04:42:34Z\"",
      "title pr and userType eq \"Employee\"                           | (title pr and userType eq \"Employee\")",
      "title pr or userType eq \"Intern\"                              | (title pr or userType eq \"Intern\")",
      "schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\" | schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"",
      "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\") | (userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\"))",
      "userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\") | (userType ne \"Employee\" and not((emails co \"example.com\" or emails.value co \"example.org\")))",
      "userType eq \"Employee\" and (emails.type eq \"work\")          | (userType eq \"Employee\" and emails.type eq \"work\")",
      "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"] | (userType eq \"Employee\" and emails[(type eq \"work\" and value co \"@example.com\")])",
      "emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"] | (emails[(type eq \"work\" and value co \"@example.com\")] or ims[(type eq \"xmpp\" and value co \"@foo.com\")])",
      // IdP filters (docs/idp-behaviour.md E10, O1)
      "userName eq \"test.user@okta.local\"                            | userName eq \"test.user@okta.local\"",
      "externalId eq \"00ujl29u0le5T6Aj10h7\"                          | externalId eq \"00ujl29u0le5T6Aj10h7\"",
      "displayName eq \"Test SCIMv2\"                                  | displayName eq \"Test SCIMv2\"",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"7\" | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"7\"",
      // case-insensitive keywords, precedence, associativity, literals
      "userName EQ \"X\" AND active Eq TRUE                            | (userName eq \"X\" and active eq true)",
      "a eq 1 or b eq 2 and c eq 3                                   | (a eq 1 or (b eq 2 and c eq 3))",
      "a eq 1 and b eq 2 and c eq 3                                  | ((a eq 1 and b eq 2) and c eq 3)",
      "a eq 1 or b eq 2 or c eq 3                                    | ((a eq 1 or b eq 2) or c eq 3)",
      "x eq -1.5e3                                                   | x eq -1.5E+3",
      "x eq null and y ne false                                      | (x eq null and y ne false)",
      "x eq \"a\\\"b\\\\c\\u00e9\"                                        | x eq \"a\\\"b\\\\cé\"",
      "  ((x pr))   and   y pr                                         | (x pr and y pr)",
      "members[value eq \"u1\"]                                        | members[value eq \"u1\"]",
  })
  void parses(String filter, String expected) {
    assertThat(FilterParser.parse(filter.strip()).accept(new FilterPrinter())).isEqualTo(expected.strip());
  }

  @Test
  void buildsTypedRecords() {
    Filter filter = FilterParser.parse("emails[type eq \"work\"] and meta.lastModified gt \"2011-05-13T04:42:34Z\"");
    assertThat(filter).isInstanceOf(Filter.And.class);
    Filter.ValuePath emails = (Filter.ValuePath) ((Filter.And) filter).left();
    assertThat(emails.path()).isEqualTo(new AttributePath(null, "emails", null));
    Filter.Comparison modified = (Filter.Comparison) ((Filter.And) filter).right();
    assertThat(modified.path()).isEqualTo(new AttributePath(null, "meta", "lastModified"));
    assertThat(modified.op()).isEqualTo(CompareOperator.GT);
    assertThat(modified.value().isTextual()).isTrue();
    Filter.Comparison number = (Filter.Comparison) FilterParser.parse("x eq 42");
    assertThat(number.value().isIntegralNumber()).isTrue();
    assertThat(number.value().asLong()).isEqualTo(42);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "userName eq \"open                | 13 | not terminated",
      "userName \"bjensen\"              | 10 | expected an operator",
      "userName eq                       | 12 | expected a value",
      "userName xx \"a\"                 | 10 | expected an operator",
      "(userName eq \"a\"                | 17 | expected ')'",
      "userName eq \"a\")                | 16 | end of the filter",
      "emails[type eq \"work\"           | 22 | expected ']'",
      "emails[type eq \"work\"].value eq \"x\" | 23 | is a PATCH path, not a filter",
      "userName eq \"a\" garbage         | 17 | end of the filter",
      "not userName eq \"a\"             | 5  | expected an operator",
      "emails[a[b eq 1]]                 | 9  | cannot contain another",
      "1abc eq \"a\"                     | 1  | not a valid attribute path",
      "x eq \"\\q\"                      | 7  | not a JSON escape",
      "x eq 01                           | 6  | expected a value",
  })
  void errorsAreInvalidFilterWithAPosition(String filter, int position, String problem) {
    assertThatThrownBy(() -> FilterParser.parse(filter.strip()))
        .isInstanceOfSatisfying(ScimException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.scimType()).isEqualTo("invalidFilter");
          assertThat(e.detail()).contains("position " + position + ":").contains(problem);
        });
  }

  @Test
  void emptyAndOversizedFiltersAreInvalidFilter() {
    for (String filter : new String[] {null, "", "   ", "x eq \"" + "a".repeat(FilterParser.MAX_LENGTH) + "\""}) {
      assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOf(ScimException.class);
    }
  }

  @Test
  void hostileInputNeverThrowsAnythingButScimException() {
    String deep = "(".repeat(100_000) + "x pr" + ")".repeat(100_000);
    assertThatThrownBy(() -> FilterParser.parse(deep.substring(0, FilterParser.MAX_LENGTH)))
        .isInstanceOf(ScimException.class);
    String nested = "(".repeat(FilterParser.MAX_DEPTH + 1) + "x pr" + ")".repeat(FilterParser.MAX_DEPTH + 1);
    assertThatThrownBy(() -> FilterParser.parse(nested)).isInstanceOf(ScimException.class)
        .hasMessageContaining("nests deeper");
    String[] alphabet = {"(", ")", "[", "]", "\"", "\\", " ", "eq", "and", "or", "not", "pr", "x", ".", ":",
        "1", "-", "u", "true", "\\u00", "emails", "urn:a:b"};
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
        if (random.nextBoolean()) {
          text.append(' ');
        }
      }
      try {
        assertThat(FilterParser.parse(text.toString())).isNotNull();
      } catch (ScimException expected) {
        assertThat(expected.scimType()).isEqualTo("invalidFilter");
      }
    }
  }
}
