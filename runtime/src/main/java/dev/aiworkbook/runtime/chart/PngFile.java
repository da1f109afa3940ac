package dev.aiworkbook.runtime.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart as a PNG file. It renders headless, with no display: the chapters draw on
 * servers and in CI as well as on a laptop.
 */
public final class PngFile {

    private PngFile() {
    }

    /**
     * Writes {@code chart} to {@code file}, creating missing folders.
     *
     * @param chart any XChart chart
     * @param file where to write; ".png" is added when the name lacks it
     * @return the file written
     * @throws UncheckedIOException if the file cannot be written
     * @throws IllegalStateException if Java cannot draw here, such as a JDK without fonts
     */
    public static Path write(Chart<?, ?> chart, Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) Files.createDirectories(folder);
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return file.toString().endsWith(".png") ? file : Path.of(file + ".png");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart to " + file, e);
        } catch (RuntimeException | LinkageError e) {
            // A minimal JDK image may lack fontconfig or any font, which text drawing needs.
            throw new IllegalStateException("cannot draw the chart on this machine (" + e
                    + "); install fontconfig and a font, such as fonts-dejavu-core", e);
        }
    }
}
