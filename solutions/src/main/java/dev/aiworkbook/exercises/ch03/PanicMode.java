// Reference answer of exercise ex03a.
package dev.aiworkbook.exercises.ch03;

import dev.aiworkbook.runtime.scaling.PanicState;
import dev.aiworkbook.runtime.scaling.ScaleRule;
import dev.aiworkbook.runtime.scaling.ScalerSettings;
import java.time.Instant;

/** Chapter 03, exercise ex03a, answered: one tick of the KPA with panic mode. */
public final class PanicMode implements ScaleRule {

    @Override
    public Tick decide(Instant now, double stableConcurrency, double panicConcurrency,
            int readyInstances, ScalerSettings settings, PanicState state) {
        if (stableConcurrency < 0 || panicConcurrency < 0) {
            throw new IllegalArgumentException("averages must be zero or more, was: stable "
                    + stableConcurrency + ", panic " + panicConcurrency);
        }
        if (readyInstances < 0) {
            throw new IllegalArgumentException("readyInstances must be 0 or more, was: "
                    + readyInstances);
        }
        double perInstance = settings.targetConcurrency() * settings.targetUtilization();
        int r = Math.max(1, readyInstances);
        int up = (int) Math.ceil(settings.maxScaleUpRate() * r);
        int down = (int) Math.floor(readyInstances / settings.maxScaleDownRate());
        int stable = clamp((int) Math.ceil(stableConcurrency / perInstance), down, up);
        int panic = clamp((int) Math.ceil(panicConcurrency / perInstance), down, up);

        PanicState next = state;
        if (panic / (double) r >= settings.panicThreshold()) {
            next = PanicState.panicking(now, state.isPanicking() ? state.heldInstances()
                    : readyInstances);
        } else if (state.isPanicking() && !state.lastOverThreshold().get()
                .plus(settings.stableWindow()).isAfter(now)) {
            next = PanicState.CALM;
        }
        if (!next.isPanicking()) return new Tick(stable, next);
        int desired = Math.max(next.heldInstances(), panic);
        return new Tick(desired, PanicState.panicking(next.lastOverThreshold().get(), desired));
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
