package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.chart.PngFile;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The simulator's pictures, as PNG files drawn headless (XChart): a run over time, and the
 * keep-alive trade-off of cold starts against wasted memory.
 */
public final class SimulationChart {

    private SimulationChart() {
    }

    /**
     * Draws instances, in-flight invocations and cold starts over time.
     *
     * @param timeline what a run recorded
     * @param title the chart's title
     * @param file where to write the PNG; missing folders are created
     * @return the file written
     * @throws IllegalStateException if Java cannot draw here, such as a JDK without fonts
     */
    public static Path timeline(Timeline timeline, String title, Path file) {
        boolean hours = timeline.bucketNanos() * timeline.buckets() > 3 * 3600e9;
        double unit = hours ? 3600e9 : 60e9;
        List<Double> x = new ArrayList<>();
        for (int i = 0; i < timeline.buckets(); i++) {
            x.add((i + 0.5) * timeline.bucketNanos() / unit);
        }
        XYChart chart = new XYChartBuilder().width(900).height(450).title(title)
                .xAxisTitle(hours ? "hours" : "minutes").yAxisTitle("instances, in flight")
                .build();
        line(chart.addSeries("loaded instances (avg)", x, list(timeline.instances())));
        line(chart.addSeries("in-flight invocations (avg)", x, list(timeline.inFlight())));
        XYSeries cold = chart.addSeries("cold starts per bucket", x,
                list(timeline.coldStarts()));
        line(cold);
        cold.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "cold starts per bucket");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        style(chart);
        return PngFile.write(chart, file);
    }

    /**
     * Draws the keep-alive trade-off: each policy as a point of wasted memory against
     * cold-start ratio; the fixed keep-alive values as one line, the others as points.
     *
     * @param fixed one report per fixed keep-alive, in the order of the sweep
     * @param others reports of other policies, such as the hybrid one, drawn as points
     * @param file where to write the PNG; missing folders are created
     * @return the file written
     * @throws IllegalArgumentException if {@code fixed} is empty
     * @throws IllegalStateException if Java cannot draw here
     */
    public static Path tradeOff(List<SimulationReport> fixed, List<SimulationReport> others,
            Path file) {
        if (fixed.isEmpty()) throw new IllegalArgumentException("fixed must not be empty");
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title("Keep-alive: cold starts against wasted memory")
                .xAxisTitle("wasted memory (GB-s of idle instances)")
                .yAxisTitle("cold starts (% of invocations)").build();
        chart.addSeries("fixed keep-alive " + fixed.get(0).keepAlive().replace("fixed ", "")
                + " .. " + fixed.get(fixed.size() - 1).keepAlive().replace("fixed ", ""),
                fixed.stream().map(SimulationReport::wastedGbSeconds).toList(),
                fixed.stream().map(r -> 100 * r.coldStartRatio()).toList());
        for (SimulationReport other : others) {
            XYSeries point = chart.addSeries(other.keepAlive(),
                    List.of(other.wastedGbSeconds()), List.of(100 * other.coldStartRatio()));
            point.setMarker(SeriesMarkers.DIAMOND);
        }
        style(chart);
        return PngFile.write(chart, file);
    }

    private static void line(XYSeries series) {
        series.setMarker(SeriesMarkers.NONE);
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) out.add(v);
        return out;
    }

    private static List<Double> list(long[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (long v : values) out.add((double) v);
        return out;
    }

}
