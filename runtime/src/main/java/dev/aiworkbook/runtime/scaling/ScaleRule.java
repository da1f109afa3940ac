package dev.aiworkbook.runtime.scaling;

import java.time.Instant;

/**
 * One tick of the KPA's decision, from the two windows' averages to the desired instances,
 * with panic mode (chapter 03; exercise ex03a writes one). The averaging of the windows and the
 * grace period before scaling to zero stay in {@link ConcurrencyScaler}, which calls this.
 * {@link KnativeScaleRule} is the platform's rule.
 */
@FunctionalInterface
public interface ScaleRule {

    /**
     * Decides one tick.
     *
     * @param now the tick's time
     * @param stableConcurrency average in-flight (plus waiting) invocations, stable window
     * @param panicConcurrency the same over the panic window
     * @param readyInstances how many instances are ready now, zero or more
     * @param settings the knobs
     * @param state panic mode as the previous tick left it
     * @return the desired instances (before scale to zero) and the state for the next tick
     */
    Tick decide(Instant now, double stableConcurrency, double panicConcurrency,
            int readyInstances, ScalerSettings settings, PanicState state);

    /**
     * One tick's outcome.
     *
     * @param desiredInstances how many instances to have, zero or more
     * @param next panic mode for the next tick; panicking if this tick panics
     */
    record Tick(int desiredInstances, PanicState next) {
        public Tick {
            if (desiredInstances < 0) {
                throw new IllegalArgumentException("desiredInstances must be 0 or more, was: "
                        + desiredInstances);
            }
            java.util.Objects.requireNonNull(next, "next");
        }
    }
}
