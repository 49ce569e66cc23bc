package io.scimgate.benchmarks.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The page around the sections: a self-contained HTML document with its styles inline and no scripts. */
final class ReportPage {
  private static final String STYLE = """
      body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #222; }
      h1 { font-size: 1.5em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; } h3 { margin-bottom: .3em; }
      table { border-collapse: collapse; margin: .8em 0; }
      th, td { padding: .25em .7em; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
      td:not(:first-child) { font-variant-numeric: tabular-nums; }
      tr.error td { color: #b00020; font-weight: 600; }
      svg.chart { display: block; margin: .8em 0; font-size: 11px; } svg.chart text { fill: #222; }
      .none, .meta { color: #666; } code { background: #f4f4f4; padding: 0 .25em; }
      """;

  private ReportPage() {}

  static String render(Results results, String source, Instant generated) {
    StringBuilder out = new StringBuilder(32_768);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>scimgate benchmarks</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>scimgate benchmarks</h1>\n<p class=\"meta\">Generated ")
        .append(Html.esc(generated.truncatedTo(ChronoUnit.SECONDS).toString())).append(" from ")
        .append(Html.esc(source)).append(": ").append(results.runs().size()).append(" load run(s), ")
        .append(results.jmh().size()).append(" JMH result(s). Numbers from one machine compare with each other, "
            + "not with another machine's.</p>\n")
        .append("<p class=\"meta\">Commit(s) measured: ").append(Html.esc(String.join(", ", results.commits())))
        .append("</p>\n");
    ThroughputSection.render(out, results.byWorkload());
    CpuSection.render(out, results.byWorkload());
    TwoNodesSection.render(out, results.byWorkload());
    LatencySection.render(out, results.byWorkload());
    ScaleSection.render(out, results.byWorkload());
    ProfileSection.render(out, results.profiles());
    JmhSection.render(out, results.jmh());
    if (!results.skipped().isEmpty()) {
      out.append("<h2>Skipped files</h2>\n<ul>\n");
      results.skipped().forEach(reason -> out.append("<li>").append(Html.esc(reason)).append("</li>\n"));
      out.append("</ul>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }
}
