package io.scimgate.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * Where the gateway's CPU time went in profiled runs ({@code PROFILE=1}, async-profiler in the measured window):
 * by area (JIT, GC, kernel, or the package of the running Java method), then the hottest methods, then the
 * gateway's methods by inclusive time.
 */
final class ProfileSection {
  private ProfileSection() {}

  static void render(StringBuilder out, List<Profile> profiles) {
    if (profiles.isEmpty()) {
      return;
    }
    out.append("<h2>Profiles: where the gateway's time goes</h2>\n<p>Shares of the gateway process's CPU samples "
        + "in the measured window (async-profiler, one sample per millisecond of CPU: Java code, the JIT compiler, "
        + "the garbage collector and the kernel's work on the process's behalf alike). <em>Self</em> counts the "
        + "frame at the top of the stack; <em>inclusive</em> every scimgate method on it.</p>\n");
    for (Profile profile : profiles) {
      out.append("<h3>").append(Html.esc(profile.label())).append(" (").append(Html.count(profile.samples()))
          .append(" samples)</h3>\n");
      table(out, "Self time by area", profile.selfByArea());
      out.append("<details><summary>Hottest methods</summary>\n");
      table(out, "Self time by method", profile.selfByMethod());
      table(out, "Inclusive time, scimgate methods", profile.inclusiveOwnMethods());
      out.append("</details>\n");
    }
  }

  private static void table(StringBuilder out, String title, Map<String, Double> shares) {
    out.append("<table>\n");
    Html.head(out, title, "% of samples");
    shares.forEach((name, share) -> Html.row(out, null, Html.esc(name), Html.esc(Html.num(share))));
    out.append("</table>\n");
  }
}
