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
 * <p>A pure decision: time is passed in, and nothing here starts or stops an instance. The
 * step from averages to instances is a {@link ScaleRule} ({@link KnativeScaleRule} by default);
 * {@code dispatch.ScalingLoop} samples a pool every tick and applies the decisions (chapter 03).
 */
public final class ConcurrencyScaler {

    private final ScalerSettings settings;
    private final ScaleRule rule;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private PanicState state = PanicState.CALM;
    private Instant lastTraffic;

    /** @param settings the knobs, already validated */
    public ConcurrencyScaler(ScalerSettings settings) {
        this(settings, new KnativeScaleRule());
    }

    /**
     * @param settings the knobs, already validated
     * @param rule the step from window averages to desired instances, such as an exercise's
     */
    public ConcurrencyScaler(ScalerSettings settings, ScaleRule rule) {
        this.settings = settings;
        this.rule = rule;
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
        ScaleRule.Tick tick = rule.decide(now, stable, panic, readyInstances, settings, state);
        state = tick.next();
        return new ScaleDecision(toZeroAfterGrace(tick.desiredInstances(), now, readyInstances),
                state.isPanicking(), stable, panic);
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

    private record Sample(Instant at, double inFlight) {
    }
}
