package io.scimgate.plugins.custom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unquoted filter values of Microsoft's SCIM reference Postman collection, and what must stay as it is. */
class BareFilterValuesTest {

  @Test
  void quotesBareStringValues() {
    assertThat(BareFilterValues.quote("userName sw O")).isEqualTo("userName sw \"O\"");
    assertThat(BareFilterValues.quote("name.familyName eq Employee")).isEqualTo("name.familyName eq \"Employee\"");
    assertThat(BareFilterValues.quote("meta.created gt 2015-10-10T14:38:21Z"))
        .isEqualTo("meta.created gt \"2015-10-10T14:38:21Z\"");
    assertThat(BareFilterValues.quote("(userName EQ x) and emails[type eq work]"))
        .isEqualTo("(userName EQ \"x\") and emails[type eq \"work\"]");
    assertThat(BareFilterValues.quote("title eq a\\b")).isEqualTo("title eq \"a\\\\b\"");
  }

  @Test
  void leavesLiteralsNumbersStringsAndKeywordsAlone() {
    for (String filter : new String[] {"active eq true", "active eq False", "title eq null", "x eq 42",
        "x gt -1.5e3", "userName eq \"O and eq x\"", "title pr and not (userName eq \"a\")",
        "emails[type eq \"work\" and value co \"@example.com\"]", "userName sw \"x\\\" eq y\""}) {
      assertThat(BareFilterValues.quote(filter)).as(filter).isEqualTo(filter);
    }
  }

  @Test
  void quotingTwiceChangesNothing() {
    String once = BareFilterValues.quote("userName sw O or meta.created gt 2015-10-10T14:38:21Z");
    assertThat(BareFilterValues.quote(once)).isEqualTo(once);
  }
}
