package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.Durations;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicies;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import dev.aiworkbook.runtime.scaling.ScalerSettings;
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
 * @param scaler how instances are started: on demand, or by the concurrency autoscaler
 * @param kpa the autoscaler's knobs, used when {@code scaler} is {@link Scaler#KPA}
 */
public record SimulationSettings(Duration length, long seed, KeepAlive keepAlive,
        PriceCatalog catalog, Scaler scaler, Kpa kpa) {

    /** The longest simulation: a month of virtual time. */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);

    public SimulationSettings {
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(scaler, "scaler");
        Objects.requireNonNull(kpa, "kpa");
        if (length == null || length.compareTo(Duration.ofSeconds(1)) < 0
                || length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("length must be 1s..31d, was: " + length);
        }
    }

    /**
     * Settings with instances started on demand, as on AWS Lambda.
     *
     * @param length how long arrivals come
     * @param seed the engine's seed
     * @param keepAlive the keep-alive policy
     * @param catalog the price catalog
     */
    public SimulationSettings(Duration length, long seed, KeepAlive keepAlive,
            PriceCatalog catalog) {
        this(length, seed, keepAlive, catalog, Scaler.LAMBDA, Kpa.defaults());
    }

    /**
     * @param changed the scaler to use
     * @return these settings with that scaler
     */
    public SimulationSettings withScaler(Scaler changed) {
        return new SimulationSettings(length, seed, keepAlive, catalog, changed, kpa);
    }

    /**
     * @param changed the keep-alive to use
     * @return these settings with that keep-alive
     */
    public SimulationSettings withKeepAlive(KeepAlive changed) {
        return new SimulationSettings(length, seed, changed, catalog, scaler, kpa);
    }

    /** How instances are started. */
    public enum Scaler {
        /** On demand: one new instance per invocation that finds no free slot. */
        LAMBDA,
        /** Ahead of demand, by the concurrency autoscaler (Knative's KPA). */
        KPA;

        /**
         * @param text "lambda" or "kpa"
         * @return the scaler
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Scaler parse(String text) {
            for (Scaler s : values()) {
                if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) return s;
            }
            throw new IllegalArgumentException("scaler must be kpa or lambda, was: \"" + text
                    + "\"");
        }
    }

    /**
     * The knobs of KPA mode.
     *
     * @param scaler the concurrency autoscaler's settings
     * @param tick how often it decides (2 s, as Knative)
     * @param activatorCapacity how many invocations may wait for a slot per function
     * @param activatorTimeout how long one may wait before it is refused (503)
     */
    public record Kpa(ScalerSettings scaler, Duration tick, int activatorCapacity,
            Duration activatorTimeout) {

        public Kpa {
            Objects.requireNonNull(scaler, "scaler");
            if (tick == null || tick.isNegative() || tick.isZero()) {
                throw new IllegalArgumentException("tick must be more than zero, was: " + tick);
            }
        }

        /**
         * Knative's defaults: target 1 invocation per instance, a 2 s tick; an activator
         * of 1,000 waiting invocations for at most 30 s.
         *
         * @return the settings
         */
        public static Kpa defaults() {
            return new Kpa(ScalerSettings.knativeDefaults(1), Duration.ofSeconds(2), 1000,
                    Duration.ofSeconds(30));
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
            return new KeepAlive("fixed " + Durations.format(keepAlive), keepAlive, () -> KeepAlivePolicies.fixed(keepAlive));
        }

        /**
         * A policy by the name {@code KeepAlivePolicies.parse} accepts.
         *
         * @param name such as "hybrid", "none", "aws" or "fixed:20m"
         * @param configured the keep-alive of each function, which "fixed" keeps
         * @return the choice, labelled by the name
         * @throws IllegalArgumentException naming the accepted names
         */
        public static KeepAlive named(String name, Duration configured) {
            KeepAlivePolicies.parse(name);
            String label = name.trim().equals("fixed") ? "fixed "
                    + Durations.format(configured) : name.trim();
            return new KeepAlive(label, configured, () -> KeepAlivePolicies.parse(name));
        }
    }
}
