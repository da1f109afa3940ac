package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.chart.PngFile;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Chapter 02: the keep-alive trade-off as a picture, cold starts against idle memory for each
 * keep-alive, written as a PNG (it renders headless, with no display).
 */
public final class KeepAliveChart {

    private KeepAliveChart() {
    }

    /**
     * Draws the rows of {@link KeepAliveExperiment#compare} and writes them as a PNG.
     *
     * @param rows one row per keep-alive
     * @param file where to write the PNG; missing folders are created
     * @return the file written
     * @throws IllegalArgumentException if there are no rows
     * @throws IllegalStateException if Java cannot draw here, such as a JDK without fonts
     */
    public static Path write(List<KeepAliveExperiment.Row> rows, Path file) {
        if (rows.isEmpty()) throw new IllegalArgumentException("rows must not be empty");
        CategoryChart chart = new CategoryChartBuilder().width(800).height(450)
                .title("Keep-alive: cold starts against idle memory")
                .xAxisTitle("keep-alive").yAxisTitle("cold starts (% of invocations)").build();
        List<String> labels = rows.stream().map(r -> Elapsed.format(r.keepAlive())).toList();

        chart.addSeries("cold starts (%)", labels,
                rows.stream().map(r -> 100 * r.coldStartRatio()).toList());
        CategorySeries idle = chart.addSeries("idle memory (GB-s)", labels,
                rows.stream().map(KeepAliveExperiment.Row::idleGbSeconds).toList());
        idle.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "idle memory (GB-s)");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return PngFile.write(chart, file);
    }

}
