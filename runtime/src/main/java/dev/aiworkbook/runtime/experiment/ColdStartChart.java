package dev.aiworkbook.runtime.experiment;

import dev.aiworkbook.runtime.chart.PngFile;
import dev.aiworkbook.runtime.model.ColdStarts;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 04: P(cold) against the keep-alive, the formula e^(-λT) as a curve and the
 * platform's cold-start ratios as points, written as a PNG (it renders headless).
 */
public final class ColdStartChart {

    private ColdStartChart() {
    }

    /**
     * Draws the points of {@link MathModelsExperiment#coldStarts} over the formula's curve.
     *
     * @param points one per keep-alive, from one arrival rate
     * @param ratePerSecond the arrival rate the points were simulated at
     * @param file where to write the PNG; missing folders are created
     * @return the file written
     * @throws IllegalArgumentException if there are no points
     * @throws IllegalStateException if Java cannot draw here, such as a JDK without fonts
     */
    public static Path write(List<MathModelsExperiment.ColdPoint> points, double ratePerSecond,
            Path file) {
        if (points.isEmpty()) throw new IllegalArgumentException("points must not be empty");
        XYChart chart = new XYChartBuilder().width(800).height(450)
                .title("P(cold) under a fixed keep-alive: e^(-λT) and the platform")
                .xAxisTitle("keep-alive T (minutes)").yAxisTitle("cold starts (share)").build();

        // The curve from zero to a little past the longest keep-alive simulated.
        double longest = points.stream().mapToDouble(p -> p.keepAlive().toSeconds() / 60.0)
                .max().orElseThrow();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            double minutes = longest * 1.1 * i / 100;
            x.add(minutes);
            y.add(ColdStarts.probability(ratePerSecond,
                    Duration.ofMillis((long) (minutes * 60_000))));
        }
        XYSeries curve = chart.addSeries("formula e^(-λT)", x, y);
        curve.setMarker(SeriesMarkers.NONE);

        XYSeries simulated = chart.addSeries("simulated",
                points.stream().map(p -> p.keepAlive().toSeconds() / 60.0).toList(),
                points.stream().map(MathModelsExperiment.ColdPoint::simulated).toList());
        simulated.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        simulated.setMarker(SeriesMarkers.CIRCLE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return PngFile.write(chart, file);
    }

}
