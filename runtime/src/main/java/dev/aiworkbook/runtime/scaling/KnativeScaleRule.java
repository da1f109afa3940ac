package dev.aiworkbook.runtime.scaling;

import java.time.Instant;

/**
 * The KPA's step as Knative computes it (chapter 03).
 *
 * <ol>
 *   <li>Each window asks for {@code ceil(average / (target × utilisation))} instances,
 *       clamped to at most {@code maxScaleUpRate × max(1, ready)} and at least
 *       {@code floor(ready / maxScaleDownRate)}.
 *   <li>If the panic window's wish is at least {@code panicThreshold} times
 *       {@code max(1, ready)}, panic starts (or is extended to now).
 *   <li>Panic ends once a whole stable window has passed since the last tick over the
 *       threshold.
 *   <li>While panicking the rule follows the panic window but never goes below the most it
 *       asked for since panic began; calm, it follows the stable window.
 * </ol>
 *
 * <p>Worked example (tested in {@code ConcurrencyScalerTest.burstStartsPanic}): target 1,
 * utilisation 0.7, 2 ready, panic average 10, stable average 1: the panic window asks for
 * ceil(10 / 0.7) = 15, 7.5 times the ready ones, so it panics and desires 15.
 */
public final class KnativeScaleRule implements ScaleRule {

    @Override
    public Tick decide(Instant now, double stableConcurrency, double panicConcurrency,
            int readyInstances, ScalerSettings settings, PanicState state) {
        double perInstance = settings.targetConcurrency() * settings.targetUtilization();
        int ready = Math.max(1, readyInstances);

        // Clamp both wishes by how fast the pool may grow and shrink in one tick.
        int maxUp = (int) Math.ceil(settings.maxScaleUpRate() * ready);
        int maxDown = (int) Math.floor(readyInstances / settings.maxScaleDownRate());
        int desiredStable = clamp((int) Math.ceil(stableConcurrency / perInstance), maxDown,
                maxUp);
        int desiredPanic = clamp((int) Math.ceil(panicConcurrency / perInstance), maxDown,
                maxUp);

        // Panic starts, or is extended, while the short window asks for twice the ready count.
        boolean over = desiredPanic / (double) ready >= settings.panicThreshold();
        PanicState next = state;
        if (over) {
            int held = state.isPanicking() ? state.heldInstances() : readyInstances;
            next = PanicState.panicking(now, held);
        } else if (state.isPanicking() && !state.lastOverThreshold().get()
                .plus(settings.stableWindow()).isAfter(now)) {
            next = PanicState.CALM;
        }
        if (!next.isPanicking()) return new Tick(desiredStable, next);
        int held = Math.max(next.heldInstances(), desiredPanic);
        return new Tick(held, PanicState.panicking(next.lastOverThreshold().get(), held));
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
