package io.scimgate.app.portal;

import java.util.Arrays;
import java.util.Optional;

/** The screens a portal link may open, by the path the portal's router knows them by. */
public enum PortalScreen {
  SCIM_SETTINGS("scim"),
  ADD_CONNECTION("scim/add"),
  PERSONNEL("personnel"),
  PERSONNEL_SETTINGS("personnel/settings");

  private final String path;

  PortalScreen(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  public static Optional<PortalScreen> parse(String path) {
    return Arrays.stream(values()).filter(screen -> screen.path.equals(path)).findFirst();
  }

  /** Where the browser lands for this screen of a tenant. */
  public static String location(java.util.UUID tenantId, String path) {
    return "/portal/#/t/" + tenantId + "/" + parse(path).orElse(SCIM_SETTINGS).path;
  }
}
