package io.scimgate.invites.egress;

import java.time.Duration;

/**
 * Where webhooks may go and how long one may take.
 *
 * @param allowHttp whether plain {@code http://} receivers are allowed (otherwise https only)
 * @param allowedHosts the operator's exceptions to the address rules (on-premises receivers)
 * @param timeout the whole of one send: resolving, connecting, sending and reading the answer
 */
public record EgressSettings(boolean allowHttp, EgressAllowlist allowedHosts, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** https only, no exceptions, the default deadline. */
  public static EgressSettings strict() {
    return new EgressSettings(false, EgressAllowlist.NONE, DEFAULT_TIMEOUT);
  }
}
