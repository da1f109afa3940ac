package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a simulation runs: how long, from which seed, with which keep-alive, billed how.
 *
 * @param length how long arrivals come, in virtual time: 1 s..31 days
 * @param seed the seed of every random draw of the engine (loads carry their own)
 * @param keepAlive the keep-alive policy, made fresh for each run
 * @param catalog the price catalog the run is billed with
 */
public record SimulationSettings(Duration length, long seed, KeepAlive keepAlive,
        PriceCatalog catalog) {

    /** The longest simulation: a month of virtual time. */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);

    public SimulationSettings {
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(catalog, "catalog");
        if (length == null || length.compareTo(Duration.ofSeconds(1)) < 0
                || length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("length must be 1s..31d, was: " + length);
        }
    }

    /**
     * A keep-alive policy and the keep-alive it gives each function's instances.
     *
     * @param label how a report names it, such as "fixed 10m" or "hybrid"
     * @param keepAlive the keep-alive set on every function's spec for this run
     * @param policy makes a fresh policy for one run, so runs never share what it learnt
     */
    public record KeepAlive(String label, Duration keepAlive, Supplier<KeepAlivePolicy> policy) {

        public KeepAlive {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(policy, "policy");
            if (keepAlive == null || keepAlive.isNegative()) {
                throw new IllegalArgumentException("keepAlive must be zero or more, was: "
                        + keepAlive);
            }
        }

        /**
         * The platform's own rule: reclaim after a fixed idle time.
         *
         * @param keepAlive how long an idle instance stays
         * @return the choice, labelled "fixed" and the duration
         */
        public static KeepAlive fixed(Duration keepAlive) {
            return new KeepAlive("fixed " + dev.aiworkbook.runtime.function.Durations
                    .format(keepAlive), keepAlive, FixedKeepAlive::new);
        }
    }
}
