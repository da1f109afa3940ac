package dev.aiworkbook.runtime.scaling;

import java.time.Duration;

/**
 * The knobs of the {@link ConcurrencyScaler}, with Knative's defaults for its KPA.
 *
 * @param targetConcurrency invocations one instance should serve at once (Knative's
 *     container-concurrency target; for a function with maxConcurrency 1, that is 1)
 * @param targetUtilization the share of the target to aim for, leaving headroom (0.7)
 * @param stableWindow the long averaging window (60 s)
 * @param panicWindowPercent the panic window as a percentage of the stable window (10%)
 * @param panicThreshold panic when the panic window asks for this many times the ready
 *     instances (2.0, i.e. 200%)
 * @param maxScaleUpRate at most this many times the ready instances per tick (1000)
 * @param maxScaleDownRate at least the ready instances divided by this per tick (2)
 * @param scaleToZeroGrace how long without traffic before the last instance goes (30 s)
 */
public record ScalerSettings(
        double targetConcurrency,
        double targetUtilization,
        Duration stableWindow,
        double panicWindowPercent,
        double panicThreshold,
        double maxScaleUpRate,
        double maxScaleDownRate,
        Duration scaleToZeroGrace) {

    public ScalerSettings {
        requireAbove("targetConcurrency", targetConcurrency, 0);
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1], was: "
                    + targetUtilization);
        }
        if (stableWindow == null || stableWindow.compareTo(Duration.ofSeconds(6)) < 0
                || stableWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("stableWindow must be 6s..1h, was: "
                    + stableWindow);
        }
        if (!(panicWindowPercent >= 1 && panicWindowPercent <= 100)) {
            throw new IllegalArgumentException("panicWindowPercent must be 1..100, was: "
                    + panicWindowPercent);
        }
        requireAbove("panicThreshold", panicThreshold, 1);
        requireAbove("maxScaleUpRate", maxScaleUpRate, 1);
        requireAbove("maxScaleDownRate", maxScaleDownRate, 1);
        if (scaleToZeroGrace == null || scaleToZeroGrace.isNegative()) {
            throw new IllegalArgumentException("scaleToZeroGrace must be zero or more, was: "
                    + scaleToZeroGrace);
        }
    }

    /**
     * Knative's defaults for a given target.
     *
     * @param targetConcurrency invocations per instance to aim at, more than zero
     * @return the settings
     */
    public static ScalerSettings knativeDefaults(double targetConcurrency) {
        return new ScalerSettings(targetConcurrency, 0.7, Duration.ofSeconds(60), 10, 2.0,
                1000, 2, Duration.ofSeconds(30));
    }

    /** @return the panic window: {@code panicWindowPercent} of the stable window */
    public Duration panicWindow() {
        return Duration.ofMillis((long) (stableWindow.toMillis() * panicWindowPercent / 100));
    }

    private static void requireAbove(String field, double value, double bound) {
        if (!(value > bound)) {
            throw new IllegalArgumentException(field + " must be more than " + bound
                    + ", was: " + value);
        }
    }
}
