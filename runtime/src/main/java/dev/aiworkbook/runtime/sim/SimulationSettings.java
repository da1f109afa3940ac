package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.function.AutoscalingSpec.Scaler;
import dev.aiworkbook.runtime.billing.PriceCatalog;
import dev.aiworkbook.runtime.function.Durations;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicies;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a simulation runs: how long, from which seed, with which keep-alive, billed how, and
 * with which of the platform's limits.
 *
 * @param length how long arrivals come, in virtual time: 1 s..31 days
 * @param seed the seed of every random draw of the engine (loads carry their own)
 * @param keepAlive the keep-alive policy, made fresh for each run
 * @param catalog the price catalog the run is billed with
 * @param scaler how instances are started: on demand, or by the concurrency autoscaler; the
 *     other autoscaling knobs are each function's own ({@code FunctionSpec.autoscaling()})
 * @param burstLimit Lambda mode: new instances per 10 s per function, set on every function;
 *     0 keeps each function's own ({@code autoscaling.burstLimit}, 1,000 by default)
 * @param accountConcurrency Lambda mode: invocations all functions may run at once; 0 means
 *     no account-wide limit (the live platform's default is 1,000, AWS's quota)
 * @param threads how many threads run independent shards of the functions: 1 runs them all
 *     on one, 0 one per core ({@code availableProcessors}); shards need functions that are
 *     independent, so with an account-wide limit the run takes one thread. The report is
 *     the same for every value.
 */
public record SimulationSettings(Duration length, long seed, KeepAlive keepAlive,
        PriceCatalog catalog, Scaler scaler, int burstLimit, int accountConcurrency,
        int threads) {

    /** The longest simulation: a month of virtual time. */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);

    public SimulationSettings {
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(scaler, "scaler");
        if (length == null || length.compareTo(Duration.ofSeconds(1)) < 0
                || length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("length must be 1s..31d, was: " + length);
        }
        if (burstLimit < 0) {
            throw new IllegalArgumentException("burstLimit must be 0 (each function's own) or"
                    + " more, was: " + burstLimit);
        }
        if (accountConcurrency < 0) {
            throw new IllegalArgumentException("accountConcurrency must be 0 (no account-wide"
                    + " limit) or more, was: " + accountConcurrency);
        }
        if (threads < 0 || threads > 64) {
            throw new IllegalArgumentException("threads must be 0 (one per core) to 64, was: "
                    + threads);
        }
    }

    /**
     * Settings with instances started on demand, as on AWS Lambda, each function's own burst
     * limit, no account-wide limit, and one thread per core.
     *
     * @param length how long arrivals come
     * @param seed the engine's seed
     * @param keepAlive the keep-alive policy
     * @param catalog the price catalog
     */
    public SimulationSettings(Duration length, long seed, KeepAlive keepAlive,
            PriceCatalog catalog) {
        this(length, seed, keepAlive, catalog, Scaler.LAMBDA, 0, 0, 0);
    }

    /**
     * @param changed the scaler to use
     * @return these settings with that scaler
     */
    public SimulationSettings withScaler(Scaler changed) {
        return new SimulationSettings(length, seed, keepAlive, catalog, changed, burstLimit,
                accountConcurrency, threads);
    }

    /**
     * @param changed the keep-alive to use
     * @return these settings with that keep-alive
     */
    public SimulationSettings withKeepAlive(KeepAlive changed) {
        return new SimulationSettings(length, seed, changed, catalog, scaler, burstLimit,
                accountConcurrency, threads);
    }

    /**
     * @param perTenSeconds new instances per 10 s per function; 0 keeps each function's own
     * @return these settings with that burst limit
     */
    public SimulationSettings withBurstLimit(int perTenSeconds) {
        return new SimulationSettings(length, seed, keepAlive, catalog, scaler, perTenSeconds,
                accountConcurrency, threads);
    }

    /**
     * @param limit invocations all functions may run at once; 0 for no account-wide limit
     * @return these settings with that limit
     */
    public SimulationSettings withAccountConcurrency(int limit) {
        return new SimulationSettings(length, seed, keepAlive, catalog, scaler, burstLimit,
                limit, threads);
    }

    /**
     * @param count threads for independent shards of functions; 1 for one, 0 for one per core
     * @return these settings with that many threads
     */
    public SimulationSettings withThreads(int count) {
        return new SimulationSettings(length, seed, keepAlive, catalog, scaler, burstLimit,
                accountConcurrency, count);
    }

    /**
     * @param functions how many functions the run has
     * @return how many shards the run will use: one when an account-wide limit couples the
     *     functions, else {@code threads} (or the cores), never more than the functions
     */
    public int shards(int functions) {
        if (accountConcurrency > 0) return 1;
        int wanted = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return Math.max(1, Math.min(wanted, functions));
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
            return new KeepAlive("fixed " + Durations.format(keepAlive), keepAlive,
                    () -> KeepAlivePolicies.fixed(keepAlive));
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
