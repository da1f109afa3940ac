package dev.aiworkbook.runtime.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A concurrency autoscaler in the manner of Knative's KPA: from the in-flight invocations it
 * is shown, it decides how many instances a function should have.
 *
 * <p>Each tick it averages the observed concurrency over a stable window (60 s) and over a
 * panic window (10% of it), and asks for {@code ceil(average / (target × utilisation))}
 * instances, clamped by the scale-up and scale-down rates. When the panic window asks for at
 * least twice the ready instances it panics: it follows the short window, never scales down,
 * and calms only after a whole stable window below that threshold. With no traffic for the
 * grace period it scales to zero.
 *
 * <p>Worked example (tested in {@code ConcurrencyScalerTest.burstStartsPanic}): target 1,
 * utilisation 0.7, 2 ready instances, a burst holds 10 invocations in flight for 6 s. The
 * panic window (6 s) averages 10, asking ceil(10 / 0.7) = 15 instances, 7.5× the ready ones:
 * panic, desired 15. The stable window still averages 1, so without panic it would ask for 2.
 *
 * <p>A pure decision: time is passed in, and nothing here starts or stops an instance. It
 * is the decision of the autoscaling chapter (03); the dispatcher does not use it yet, so the
 * pool today grows on demand, one instance per invocation that finds no free slot.
 */
public final class ConcurrencyScaler {

    private final ScalerSettings settings;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Instant panicSince;
    private int maxPanicInstances;
    private Instant lastTraffic;

    /** @param settings the knobs, already validated */
    public ConcurrencyScaler(ScalerSettings settings) {
        this.settings = settings;
    }

    /**
     * Records how many invocations were in flight at an instant.
     *
     * @param now when it was observed; not before the previous observation
     * @param inFlight the in-flight invocations of the function, zero or more
     * @throws IllegalArgumentException if {@code inFlight} is negative or time went back
     */
    public void observe(Instant now, double inFlight) {
        if (inFlight < 0) {
            throw new IllegalArgumentException("inFlight must be zero or more, was: " + inFlight);
        }
        if (!samples.isEmpty() && now.isBefore(samples.peekLast().at())) {
            throw new IllegalArgumentException("observations must not go back in time: " + now
                    + " is before " + samples.peekLast().at());
        }
        samples.addLast(new Sample(now, inFlight));
        if (inFlight > 0) lastTraffic = now;
        Instant oldest = now.minus(settings.stableWindow());
        while (samples.peekFirst().at().isBefore(oldest)) samples.removeFirst();
    }

    /**
     * Decides the instance count for this tick.
     *
     * @param now the tick's time
     * @param readyInstances how many instances are ready now
     * @return the desired count, and what it was computed from
     */
    public ScaleDecision decide(Instant now, int readyInstances) {
        double stable = average(now, settings.stableWindow());
        double panic = average(now, settings.panicWindow());
        double perInstance = settings.targetConcurrency() * settings.targetUtilization();
        int ready = Math.max(1, readyInstances);

        // Clamp both wishes by how fast the pool may grow and shrink in one tick.
        int maxUp = (int) Math.ceil(settings.maxScaleUpRate() * ready);
        int maxDown = (int) Math.floor(readyInstances / settings.maxScaleDownRate());
        int desiredStable = clamp((int) Math.ceil(stable / perInstance), maxDown, maxUp);
        int desiredPanic = clamp((int) Math.ceil(panic / perInstance), maxDown, maxUp);

        // Panic starts, or is extended, while the short window asks for twice the ready count.
        boolean overThreshold = desiredPanic / (double) ready >= settings.panicThreshold();
        if (overThreshold) {
            if (panicSince == null) maxPanicInstances = readyInstances;
            panicSince = now;
        } else if (panicSince != null
                && !panicSince.plus(settings.stableWindow()).isAfter(now)) {
            panicSince = null;
            maxPanicInstances = 0;
        }

        int desired;
        if (panicSince != null) {
            maxPanicInstances = Math.max(maxPanicInstances, desiredPanic);
            desired = maxPanicInstances;
        } else {
            desired = desiredStable;
        }
        return new ScaleDecision(toZeroAfterGrace(desired, now, readyInstances),
                panicSince != null, stable, panic);
    }

    /** Keeps one instance until the function has been quiet for the whole grace period. */
    private int toZeroAfterGrace(int desired, Instant now, int readyInstances) {
        if (desired > 0 || readyInstances == 0) return desired;
        boolean quietLongEnough = lastTraffic == null
                || !lastTraffic.plus(settings.scaleToZeroGrace()).isAfter(now);
        return quietLongEnough ? 0 : 1;
    }

    private double average(Instant now, Duration window) {
        Instant from = now.minus(window);
        double sum = 0;
        int count = 0;
        for (Sample s : samples) {
            if (s.at().isAfter(from) && !s.at().isAfter(now)) {
                sum += s.inFlight();
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    private record Sample(Instant at, double inFlight) {
    }
}
