package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.chart.PngFile;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Chapter 06: a stream's instances, running invocations and latency over time, as a PNG. */
public final class StreamFanOutChart {

    private StreamFanOutChart() {
    }

    /**
     * Draws one or more runs of {@link StreamFanOutExperiment} side by side on one time axis.
     *
     * @param title the chart's title
     * @param names one label per run, such as {@code "lambda"} and {@code "kpa"}
     * @param runs the runs, in the order of {@code names}
     * @param file where to write the PNG; missing folders are created
     * @return the file written
     * @throws IllegalArgumentException if there are no runs, or names and runs differ in number
     * @throws IllegalStateException if Java cannot draw here, such as a JDK without fonts
     */
    public static Path write(String title, List<String> names,
            List<StreamFanOutExperiment.Result> runs, Path file) {
        if (runs.isEmpty() || names.size() != runs.size()) {
            throw new IllegalArgumentException("give one name per run, was: " + names.size()
                    + " names for " + runs.size() + " runs");
        }
        XYChart chart = new XYChartBuilder().width(900).height(480).title(title)
                .xAxisTitle("seconds since the first frame").yAxisTitle("instances").build();
        for (int i = 0; i < runs.size(); i++) add(chart, names.get(i), runs.get(i));
        chart.setYAxisGroupTitle(1, "p50 latency (ms), per 0.5 s");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return PngFile.write(chart, file);
    }

    private static void add(XYChart chart, String name, StreamFanOutExperiment.Result run) {
        var samples = run.samples();
        List<Double> x = samples.stream().map(s -> s.atMillis() / 1000.0).toList();
        chart.addSeries(name + ": instances ready", x, samples.stream()
                .map(s -> (double) s.ready()).toList()).setMarker(SeriesMarkers.NONE);
        chart.addSeries(name + ": running", x, samples.stream()
                .map(s -> (double) s.running()).toList()).setMarker(SeriesMarkers.NONE);
        var timeline = run.timeline(java.time.Duration.ofMillis(500));
        chart.addSeries(name + ": p50 latency", timeline.stream()
                .map(t -> t.fromMillis() / 1000.0 + 0.25).toList(), timeline.stream()
                .map(StreamFanOutExperiment.Interval::p50Ms).toList())
                .setMarker(SeriesMarkers.CIRCLE).setYAxisGroup(1);
    }

}
