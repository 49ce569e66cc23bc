package io.scimgate.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgBarChartTest {
  @Test
  void drawsOneBarPerValueWithItsLabelAndAWhiskerOnlyForSeveralRuns() {
    String svg = SvgBarChart.of("ops/s")
        .bar("okta-import", "gateway", Spread.of(List.of(100.0, 120.0)))
        .bar("okta-import", "ceiling", Spread.of(List.of(200.0)))
        .toSvg("throughput");

    assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("<title>throughput</title>", "110 ops/s",
        "200 ops/s", ">okta-import</text>");
    assertThat(svg.split("<rect ", -1)).hasSize(1 + 2 + 2); // two legend squares, two bars
    assertThat(svg.split("<path ", -1)).hasSize(1 + 1);
  }

  @Test
  void escapesLabelsAndSkipsMissingValues() {
    SvgBarChart chart = SvgBarChart.of("ms").bar("<g>", "p&50", Spread.of(List.of(1.0)))
        .bar("<g>", "p99", Spread.NONE);

    assertThat(chart.toSvg("a \"title\"")).contains("&lt;g&gt;", "p&amp;50", "a &quot;title&quot;")
        .doesNotContain("<g>", "p99");
  }
}
