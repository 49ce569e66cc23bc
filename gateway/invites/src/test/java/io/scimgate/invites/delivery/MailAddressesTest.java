package io.scimgate.invites.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailAddressesTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "ada@example.com                   | true",
      "first.last+tag@sub.example.co.uk  | true",
      "'not an address'                  | false",
      "'a@example.com, b@example.com'    | false",
      "Eve <eve@example.com>             | false",
      "eve@example.com (Eve)             | false",
      "no-at-sign                        | false",
      "a@b@c                             | false",
      "'\"quoted\"@example.com'          | false"})
  void plausibleAddresses(String address, boolean plausible) {
    assertThat(MailAddresses.isPlausible(address)).isEqualTo(plausible);
  }

  @Test
  void addressesWithLineBreaksAreNotPlausible() {
    assertThat(MailAddresses.isPlausible("a@example.com\r\nBcc: x@example.com")).isFalse();
    assertThat(MailAddresses.isPlausible("a@example.com\n")).isFalse();
    assertThat(MailAddresses.isPlausible(null)).isFalse();
  }

  @Test
  void displayNamesLoseAddressSyntax() {
    assertThat(MailAddresses.displayName("Acme \"Invites\" <evil@example.com>, (x)\r\n"))
        .isEqualTo("Acme Invites evil@example.com x");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "2819c223-7f76-453a-919d-413861904646 | <2819c223-7f76-453a-919d-413861904646@scimgate>",
      "d.1                                  | <d.1@scimgate>",
      "'a b'                                | <hex.612062@scimgate>",
      "x>y                                  | <hex.783e79@scimgate>",
      "'.x'                                 | <hex.2e78@scimgate>",
      "hex.612062                           | <hex.6865782e363132303632@scimgate>"})
  void messageIdIsDeterministicAndWellFormed(String id, String expected) {
    assertThat(MailAddresses.messageId(id)).isEqualTo(expected);
  }
}
