package io.scimgate.persistence.pipeline;

import java.util.List;

/** A tenant's automatic group invites: the toggle and the selected groups. Never stored: disabled, none. */
public record AutoInviteSettings(boolean enabled, List<AutoInviteGroup> groups) {
  public static final AutoInviteSettings DEFAULT = new AutoInviteSettings(false, List.of());

  public AutoInviteSettings {
    groups = List.copyOf(groups);
  }
}
