package dev.aiworkbook.runtime.sim;

import dev.aiworkbook.runtime.dispatch.Activator;
import dev.aiworkbook.runtime.instance.InstancePool;
import dev.aiworkbook.runtime.scaling.ConcurrencyScaler;
import dev.aiworkbook.runtime.scaling.ScaleDecision;
import dev.aiworkbook.runtime.time.VirtualClock;
import java.time.Duration;
import java.util.Optional;

/**
 * KPA mode for one simulated function: arrivals take a warm slot or wait in the platform's
 * {@link Activator} (scale from zero starts an instance at once), and every tick the
 * platform's {@link ConcurrencyScaler} sees the average concurrency since the last tick and
 * the pool starts or reclaims instances to match its decision.
 *
 * <p>A function with no instance, nobody waiting and a decision of zero stops ticking until
 * its next arrival, so ten thousand mostly quiet functions cost no ticks while quiet.
 */
final class KpaLoop implements Runnable {

    private final InstancePool pool;
    private final VirtualClock clock;
    private final ConcurrencyScaler scaler;
    private final Activator activator;
    private final long tickNanos;
    private long lastIntegral;
    private boolean ticking;
    private boolean stopped;

    KpaLoop(String function, InstancePool pool, VirtualClock clock,
            SimulationSettings.Kpa settings) {
        this.pool = pool;
        this.clock = clock;
        this.scaler = new ConcurrencyScaler(settings.scaler());
        this.activator = Activator.attach(function, pool, clock, settings.activatorCapacity(),
                settings.activatorTimeout());
        this.tickNanos = settings.tick().toNanos();
    }

    /** An arrival: a free slot now, or a wait in the activator while an instance starts. */
    void arrive(Activator.Waiter waiter) {
        Optional<InstancePool.Lease> warm = pool.acquireWarm();
        if (warm.isPresent()) {
            waiter.granted(warm.get(), Duration.ZERO);
        } else {
            activator.submit(waiter);
            pool.startIfNone();
        }
        if (!ticking && !stopped) {
            ticking = true;
            lastIntegral = pool.inFlightNanos();
            clock.scheduleNanos(tickNanos, this);
        }
    }

    /** One decision tick. */
    @Override
    public void run() {
        if (stopped) return;

        // What the scaler sees: the time-averaged in-flight invocations, plus those waiting.
        long integral = pool.inFlightNanos();
        double average = (integral - lastIntegral) / (double) tickNanos;
        lastIntegral = integral;
        scaler.observe(clock.now(), average + activator.waiting());

        // Act on the decision: start the missing instances, or reclaim idle ones.
        int ready = pool.readyInstances();
        int have = ready + pool.startingInstances();
        ScaleDecision decision = scaler.decide(clock.now(), ready);
        int desired = decision.desiredInstances();
        if (desired > have) {
            pool.startInstances(desired - have);
        } else if (desired < ready) {
            pool.reclaimIdle(ready - desired);
        }

        // A quiet function with nothing loaded stops ticking until its next arrival.
        boolean quiet = desired == 0 && pool.readyInstances() + pool.startingInstances() == 0
                && activator.waiting() == 0;
        if (quiet) {
            ticking = false;
        } else {
            clock.scheduleNanos(tickNanos, this);
        }
    }

    void stop() {
        stopped = true;
    }
}
