package io.scimgate.invites.egress;

/**
 * The gateway will not call this URL or address. The message is for the tenant's admin: it names the rule
 * ("the host is a loopback address"), never a resolved address or anything else about the gateway's network.
 */
public final class EgressRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EgressRefusal(String reason) {
    super(reason, null, false, false);
  }
}
