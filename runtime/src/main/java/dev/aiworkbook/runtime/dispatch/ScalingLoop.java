package dev.aiworkbook.runtime.dispatch;

import dev.aiworkbook.runtime.function.AutoscalingSpec;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.scaling.ConcurrencyScaler;
import dev.aiworkbook.runtime.scaling.ScaleDecision;
import dev.aiworkbook.runtime.scaling.ScaleRule;
import dev.aiworkbook.runtime.scaling.ScalerSettings;
import dev.aiworkbook.runtime.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KPA's loop for one function (chapter 03): a thin clock-driven driver over the pure
 * {@link ConcurrencyScaler}. Every tick it feeds the scaler the average in-flight invocations
 * since the last tick plus those waiting in the activator, asks for a decision, and applies
 * it to the pool: it starts instances up to the desired count (clamped to minInstances ..
 * maxInstances), or reclaims idle ones, oldest first, down to it.
 *
 * <p>It sleeps while the function is at zero with nothing in flight or waiting, so a quiet
 * function costs no timer; {@link #wake()} (called for each arrival that finds no instance)
 * starts it again. The same loop runs live on the system clock and in the simulator on a
 * virtual one. Thread-safe.
 */
public final class ScalingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ScalingLoop.class);

    private final FunctionSpec spec;
    private final InstancePool pool;
    private final IntSupplier waiting;
    private final Clock clock;
    private final Duration tick;
    private final ConcurrencyScaler scaler;
    private final Listener listener;
    private Clock.Timer timer;
    private boolean stopped;
    private boolean panicking;
    private int lastDesired = -1;
    private long lastArea;
    private long lastNanos = Long.MIN_VALUE;

    /** Hears every tick: what was seen and decided. */
    @FunctionalInterface
    public interface Listener {

        Listener NONE = (function, at, decision, ready, starting, inFlight, waiting) -> { };

        /**
         * One tick.
         *
         * @param function the function's name
         * @param at the tick's time
         * @param decision the scaler's decision
         * @param ready instances ready after applying it
         * @param starting instances starting after applying it
         * @param inFlight invocations running
         * @param waiting invocations waiting in the activator
         */
        void ticked(String function, Instant at, ScaleDecision decision, int ready, int starting,
                int inFlight, int waiting);
    }

    /**
     * @param pool the function's pool
     * @param waiting how many invocations wait in front of it (the activator's count)
     * @param clock the platform's time
     * @param rule the scaler's step, such as {@link dev.aiworkbook.runtime.scaling
     *     .KnativeScaleRule}
     * @param listener told of every tick
     */
    public ScalingLoop(InstancePool pool, IntSupplier waiting, Clock clock, ScaleRule rule,
            Listener listener) {
        this.spec = pool.spec();
        this.pool = pool;
        this.waiting = waiting;
        this.clock = clock;
        this.tick = spec.autoscaling().tick();
        this.scaler = new ConcurrencyScaler(settings(spec), rule);
        this.listener = listener;
    }

    /**
     * The scaler's settings of a function, from its autoscaling knobs.
     *
     * @param spec the function
     * @return the settings
     */
    public static ScalerSettings settings(FunctionSpec spec) {
        AutoscalingSpec a = spec.autoscaling();
        return new ScalerSettings(a.targetFor(spec.maxConcurrency()), a.targetUtilization(),
                a.stableWindow(), a.panicWindowPercent(), a.panicThreshold(), a.maxScaleUpRate(),
                a.maxScaleDownRate(), a.scaleToZeroGrace());
    }

    /** Starts ticking if asleep; does nothing if already ticking or stopped. */
    public synchronized void wake() {
        if (stopped || timer != null) return;
        timer = clock.schedule(tick, this::onTick);
    }

    /** Stops ticking for good, as when the function is undeployed or redeployed. */
    public synchronized void stop() {
        stopped = true;
        if (timer != null) timer.cancel();
        timer = null;
    }

    /**
     * Runs one tick now: observe, decide, apply. Public so tests and the simulator can step
     * it; normally the clock calls it every tick.
     *
     * @return the decision
     */
    public ScaleDecision tickNow() {
        Instant now = clock.now();
        int queued = waiting.getAsInt();

        // Average concurrency since the last tick, from the pool's in-flight integral.
        long area = pool.inFlightNanos();
        long at = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        double mean;
        synchronized (this) {
            mean = lastNanos == Long.MIN_VALUE || at <= lastNanos ? pool.inFlight()
                    : (double) (area - lastArea) / (at - lastNanos);
            lastArea = area;
            lastNanos = at;
        }
        ScaleDecision decision;
        synchronized (this) {
            scaler.observe(now, mean + queued);
            decision = scaler.decide(now, pool.readyInstances());
        }
        apply(decision, queued);
        report(now, decision, queued);
        return decision;
    }

    private void onTick() {
        synchronized (this) {
            timer = null;
            if (stopped) return;
        }
        tickNow();
        synchronized (this) {
            if (stopped) return;
            boolean quiet = pool.readyInstances() + pool.startingInstances() == 0
                    && pool.inFlight() == 0 && waiting.getAsInt() == 0;
            if (!quiet) timer = clock.schedule(tick, this::onTick);
        }
    }

    private void apply(ScaleDecision decision, int queued) {
        int target = Math.max(spec.minInstances(), Math.min(spec.maxInstances(),
                decision.desiredInstances()));
        // Never leave waiting invocations with no instance on the way.
        if (queued > 0) target = Math.max(target, 1);
        int have = pool.readyInstances() + pool.startingInstances();
        if (target > have) {
            pool.startInstances(target - have);
        } else if (target < have) {
            pool.reclaimIdle(have - target);
        }
    }

    private void report(Instant now, ScaleDecision decision, int queued) {
        boolean changed;
        synchronized (this) {
            changed = decision.desiredInstances() != lastDesired
                    || decision.panicking() != panicking;
            lastDesired = decision.desiredInstances();
            panicking = decision.panicking();
        }
        if (changed) {
            LOG.info("function={} desired instances {}{}", spec.name(),
                    decision.desiredInstances(), decision.panicking() ? " (panic)" : "");
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("function={} stable {} panic {} desired {}", spec.name(),
                    decision.stableConcurrency(), decision.panicConcurrency(),
                    decision.desiredInstances());
        }
        listener.ticked(spec.name(), now, decision, pool.readyInstances(),
                pool.startingInstances(), pool.inFlight(), queued);
    }
}
