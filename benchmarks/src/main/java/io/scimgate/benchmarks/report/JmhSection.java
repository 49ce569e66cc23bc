package io.scimgate.benchmarks.report;

import java.util.List;
import java.util.stream.Collectors;

/** The JMH results as a table: score ± error in JMH's own unit (ns/op for the average-time benchmarks). */
final class JmhSection {
  private JmhSection() {}

  static void render(StringBuilder out, List<JmhResult> results) {
    out.append("<h2>Micro-benchmarks (JMH)</h2>\n");
    if (results.isEmpty()) {
      out.append("<p class=\"none\">No <code>jmh.json</code> here: <code>benchmarks/run.sh jmh</code> writes it."
          + "</p>\n");
      return;
    }
    out.append("<p>Time per call of the pure-Java steps every request goes through, measured in one thread "
        + "(average time: lower is better). ± is half JMH's 99.9 % confidence interval over the measured "
        + "iterations; with the short default run it is wide, so compare changes with more iterations.</p>\n");
    out.append("<table>\n");
    Html.head(out, "Benchmark", "Parameters", "Mode", "Score", "± Error", "Unit");
    for (JmhResult result : results) {
      String params = result.params().entrySet().stream().map(p -> p.getKey() + "=" + p.getValue())
          .collect(Collectors.joining(", "));
      Html.row(out, null, Html.esc(result.shortName()), Html.esc(params), Html.esc(result.mode()),
          Html.esc(Html.num(result.score())), Html.esc(Html.num(result.error())), Html.esc(result.unit()));
    }
    out.append("</table>\n");
  }
}
