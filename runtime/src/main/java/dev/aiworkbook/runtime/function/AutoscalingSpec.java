package dev.aiworkbook.runtime.function;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the platform scales one function (chapter 03): the scaler and every knob it reads,
 * validated here so a bad value is refused at deploy time with the field, rule and value.
 *
 * <p>Two scalers:
 * <ul>
 *   <li>{@link Scaler#LAMBDA} (the default): one instance per concurrent invocation, started
 *       on demand as AWS Lambda does, at most {@code burstLimit} new instances per 10 s, and
 *       every function within the account's concurrency. The default because the platform
 *       runs Lambda handlers and imitates Lambda's REPORT lines and bill (chapters 01, 02).
 *   <li>{@link Scaler#KPA}: Knative's concurrency autoscaler: every {@code tick} it averages
 *       in-flight plus waiting invocations and starts or reclaims instances ahead of demand;
 *       arrivals with no free slot wait in the activator.
 * </ul>
 *
 * <p>Where the defaults come from: Knative Serving's autoscaler configuration
 * ({@code config-autoscaler}: container-concurrency-target-percentage 70, stable-window 60s,
 * panic-window-percentage 10, panic-threshold-percentage 200, max-scale-up-rate 1000,
 * max-scale-down-rate 2, scale-to-zero-grace-period 30s, tick-interval 2s); AWS Lambda's
 * scaling documentation (each function may add 1,000 concurrent executions every 10 seconds).
 * The activator's capacity (100) and timeout (10 s) are this platform's own choices: Knative
 * lets a request wait up to the revision's timeout (300 s) behind a queue of 10,000.
 *
 * @param scaler which scaler runs the function
 * @param targetConcurrency KPA: invocations per instance to aim at; 0 means the function's
 *     maxConcurrency (as Knative uses containerConcurrency when it is set)
 * @param targetUtilization KPA: the share of the target to fill, leaving headroom (0.7)
 * @param stableWindow KPA: the long averaging window (60 s)
 * @param panicWindowPercent KPA: the panic window as a percentage of the stable window (10)
 * @param panicThreshold KPA: panic when the panic window asks for this many times the ready
 *     instances (2.0)
 * @param maxScaleUpRate KPA: at most this many times the ready instances per tick (1000)
 * @param maxScaleDownRate KPA: at least the ready instances divided by this per tick (2)
 * @param scaleToZeroGrace KPA: how long without traffic before the last instance goes (30 s)
 * @param tick KPA: how often the scaler decides (2 s)
 * @param activatorCapacity KPA: how many invocations may wait for a slot (100)
 * @param activatorTimeout KPA: how long one may wait before a 503 (10 s)
 * @param burstLimit Lambda: new instances per 10 s (1000)
 * @param keepAlivePolicy the keep-alive policy's name: {@code fixed} (the function's
 *     keepAlive), {@code fixed:10m}, {@code aws} (10 min), {@code azure} (20 min),
 *     {@code hybrid} or {@code none}
 */
public record AutoscalingSpec(
        Scaler scaler,
        double targetConcurrency,
        double targetUtilization,
        Duration stableWindow,
        double panicWindowPercent,
        double panicThreshold,
        double maxScaleUpRate,
        double maxScaleDownRate,
        Duration scaleToZeroGrace,
        Duration tick,
        int activatorCapacity,
        Duration activatorTimeout,
        int burstLimit,
        String keepAlivePolicy) {

    /** The window a burst limit counts new instances in, as AWS Lambda does: 10 s. */
    public static final Duration BURST_WINDOW = Duration.ofSeconds(10);
    /** The knobs' names, as the deploy descriptor's {@code autoscaling:} mapping spells them. */
    public static final java.util.List<String> KEYS = java.util.List.of("scaler",
            "targetConcurrency", "targetUtilization", "stableWindow", "panicWindowPercent",
            "panicThreshold", "maxScaleUpRate", "maxScaleDownRate", "scaleToZeroGrace", "tick",
            "activatorCapacity", "activatorTimeout", "burstLimit", "keepAlivePolicy");

    private static final Pattern POLICY = Pattern.compile(
            "fixed|fixed:\\d{1,9}(ms|s|m|h|d)|aws|azure|hybrid|none");
    private static final String POLICIES = "fixed, fixed:<duration> (fixed:10m), aws, azure,"
            + " hybrid, none";

    /** The two scalers. */
    public enum Scaler {
        /** One instance per concurrent invocation, on demand (AWS Lambda). */
        LAMBDA,
        /** Knative's concurrency autoscaler with the activator in front. */
        KPA;

        /**
         * Reads a scaler's name.
         *
         * @param text {@code lambda} or {@code kpa}, in any case
         * @return the scaler
         * @throws InvalidSpecException naming the accepted names
         */
        public static Scaler parse(String text) {
            for (Scaler s : values()) {
                if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) return s;
            }
            throw new InvalidSpecException("scaler", "autoscaling.scaler must be one of kpa,"
                    + " lambda, was: \"" + text + "\"");
        }

        /** @return the name as written in a descriptor: {@code lambda} or {@code kpa} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AutoscalingSpec {
        require(scaler != null, "scaler", "must be kpa or lambda", scaler);
        require(targetConcurrency >= 0 && targetConcurrency <= 1000, "targetConcurrency",
                "must be 0 (follow maxConcurrency) or more than 0, at most 1000",
                targetConcurrency);
        require(targetUtilization > 0 && targetUtilization <= 1, "targetUtilization",
                "must be more than 0 and at most 1", targetUtilization);
        require(stableWindow != null && stableWindow.compareTo(Duration.ofSeconds(6)) >= 0
                && stableWindow.compareTo(Duration.ofHours(1)) <= 0, "stableWindow",
                "must be 6s..1h (Knative's range)", stableWindow);
        require(panicWindowPercent >= 1 && panicWindowPercent <= 100, "panicWindowPercent",
                "must be 1..100", panicWindowPercent);
        require(panicThreshold > 1, "panicThreshold", "must be more than 1 (2.0 is 200%)",
                panicThreshold);
        require(maxScaleUpRate > 1, "maxScaleUpRate", "must be more than 1", maxScaleUpRate);
        require(maxScaleDownRate > 1, "maxScaleDownRate", "must be more than 1",
                maxScaleDownRate);
        require(scaleToZeroGrace != null && !scaleToZeroGrace.isNegative(), "scaleToZeroGrace",
                "must be zero or more", scaleToZeroGrace);
        require(tick != null && tick.compareTo(Duration.ofMillis(10)) >= 0
                && tick.compareTo(Duration.ofMinutes(1)) <= 0, "tick", "must be 10ms..1m",
                tick);
        require(stableWindow != null && tick != null && stableWindow.compareTo(tick) >= 0,
                "stableWindow", "must be at least one tick (" + tick + ")", stableWindow);
        require(activatorCapacity >= 0 && activatorCapacity <= 1_000_000, "activatorCapacity",
                "must be 0..1000000", activatorCapacity);
        require(activatorTimeout != null && !activatorTimeout.isNegative()
                && !activatorTimeout.isZero() && activatorTimeout.compareTo(
                Duration.ofSeconds(900)) <= 0, "activatorTimeout", "must be more than 0, at"
                + " most 900s", activatorTimeout);
        require(burstLimit >= 1, "burstLimit", "must be 1 or more (new instances per 10 s)",
                burstLimit);
        require(keepAlivePolicy != null && POLICY.matcher(keepAlivePolicy).matches(),
                "keepAlivePolicy", "must be one of " + POLICIES, keepAlivePolicy);
    }

    /** @return the defaults above: Lambda mode, Knative's KPA knobs, AWS's burst limit */
    public static AutoscalingSpec defaults() {
        return new AutoscalingSpec(Scaler.LAMBDA, 0, 0.7, Duration.ofSeconds(60), 10, 2.0,
                1000, 2, Duration.ofSeconds(30), Duration.ofSeconds(2), 100,
                Duration.ofSeconds(10), 1000, "fixed");
    }

    public AutoscalingSpec withScaler(Scaler value) {
        return new AutoscalingSpec(value, targetConcurrency, targetUtilization, stableWindow,
                panicWindowPercent, panicThreshold, maxScaleUpRate, maxScaleDownRate,
                scaleToZeroGrace, tick, activatorCapacity, activatorTimeout, burstLimit,
                keepAlivePolicy);
    }

    /**
     * The KPA's windows and tick, shortened together, for demonstrations and tests.
     *
     * @param stable the stable window
     * @param grace the scale-to-zero grace period
     * @param every the tick
     * @return this spec with those three changed
     */
    public AutoscalingSpec withWindows(Duration stable, Duration grace, Duration every) {
        return new AutoscalingSpec(scaler, targetConcurrency, targetUtilization, stable,
                panicWindowPercent, panicThreshold, maxScaleUpRate, maxScaleDownRate, grace,
                every, activatorCapacity, activatorTimeout, burstLimit, keepAlivePolicy);
    }

    public AutoscalingSpec withActivator(int capacity, Duration timeout) {
        return new AutoscalingSpec(scaler, targetConcurrency, targetUtilization, stableWindow,
                panicWindowPercent, panicThreshold, maxScaleUpRate, maxScaleDownRate,
                scaleToZeroGrace, tick, capacity, timeout, burstLimit, keepAlivePolicy);
    }

    public AutoscalingSpec withBurstLimit(int value) {
        return new AutoscalingSpec(scaler, targetConcurrency, targetUtilization, stableWindow,
                panicWindowPercent, panicThreshold, maxScaleUpRate, maxScaleDownRate,
                scaleToZeroGrace, tick, activatorCapacity, activatorTimeout, value,
                keepAlivePolicy);
    }

    public AutoscalingSpec withKeepAlivePolicy(String value) {
        return new AutoscalingSpec(scaler, targetConcurrency, targetUtilization, stableWindow,
                panicWindowPercent, panicThreshold, maxScaleUpRate, maxScaleDownRate,
                scaleToZeroGrace, tick, activatorCapacity, activatorTimeout, burstLimit, value);
    }

    /**
     * @param maxConcurrency the function's invocations per instance
     * @return the target the KPA aims at: {@code targetConcurrency}, or maxConcurrency for 0
     */
    public double targetFor(int maxConcurrency) {
        return targetConcurrency == 0 ? maxConcurrency : targetConcurrency;
    }

    private static void require(boolean ok, String field, String rule, Object value) {
        if (ok) return;
        Object shown = value instanceof String ? "\"" + value + "\"" : value;
        throw new InvalidSpecException(field, "autoscaling." + field + " " + rule + ", was: "
                + Objects.toString(shown));
    }
}
