package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.chart.PngFile;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 03: the clients offered, the instances desired and ready, and the invocations in
 * flight and waiting over time, as a PNG.
 */
public final class AutoscalingChart {

    private AutoscalingChart() {
    }

    /**
     * Draws the ticks of {@link AutoscalingExperiment#run} and writes them as a PNG.
     *
     * @param ticks the scaling loop's ticks
     * @param file where to write the PNG; missing folders are created
     * @return the file written
     * @throws IllegalArgumentException if there are no ticks
     * @throws IllegalStateException if Java cannot draw here, such as a JDK without fonts
     */
    public static Path write(List<AutoscalingExperiment.Tick> ticks, Path file) {
        if (ticks.isEmpty()) throw new IllegalArgumentException("ticks must not be empty");
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title("KPA: a staged load, then silence")
                .xAxisTitle("seconds since the load began")
                .yAxisTitle("count").build();
        List<Double> x = ticks.stream().map(t -> t.atMillis() / 1000.0).toList();
        series(chart, "clients", x, ticks.stream().map(t -> (double) t.clients()).toList());
        series(chart, "instances ready", x, ticks.stream().map(t -> (double) t.ready()).toList());
        series(chart, "desired", x, ticks.stream().map(t -> (double) t.desired()).toList());
        series(chart, "in flight", x, ticks.stream().map(t -> (double) t.inFlight()).toList());
        series(chart, "waiting (activator)", x, ticks.stream()
                .map(t -> (double) t.waiting()).toList());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return PngFile.write(chart, file);
    }

    private static void series(XYChart chart, String name, List<Double> x, List<Double> y) {
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    }
}
