// Exercise ex03a. You edit this file: replace the `throw` with your answer, keeping the
// signature, then run `scripts/grade 03`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch03;

import dev.aiworkbook.runtime.scaling.PanicState;
import dev.aiworkbook.runtime.scaling.ScaleRule;
import dev.aiworkbook.runtime.scaling.ScalerSettings;
import java.time.Instant;

/**
 * Chapter 03, exercise ex03a: desired instances with panic mode, one tick of the KPA.
 *
 * <p>The rule, with {@code perInstance = targetConcurrency × targetUtilization} and
 * {@code r = max(1, readyInstances)}:
 * <ol>
 *   <li>Each window wishes for {@code ceil(average / perInstance)} instances, clamped to at
 *       most {@code ceil(maxScaleUpRate × r)} and at least
 *       {@code floor(readyInstances / maxScaleDownRate)}.</li>
 *   <li>The tick is over the threshold if the panic wish divided by {@code r} is at least
 *       {@code panicThreshold}. Then the next state is panicking since {@code now}, holding
 *       {@code readyInstances} if panic starts now, or the held count if it was panicking.</li>
 *   <li>Not over the threshold: a panicking state whose last tick over the threshold is a
 *       whole {@code stableWindow} or more before {@code now} becomes {@link PanicState#CALM};
 *       otherwise the state stays as it was.</li>
 *   <li>Panicking, the desired count is {@code max(held, panic wish)}, and that is also the
 *       new held count; calm, it is the stable wish.</li>
 * </ol>
 * Worked example: target 1, utilisation 0.7, 2 ready, stable average 1, panic average 10.
 * Wishes: stable ceil(1 / 0.7) = 2, panic ceil(10 / 0.7) = 15 (the clamps are 0 and 2000).
 * 15 / 2 = 7.5 ≥ 2: panic starts, held 2, desired max(2, 15) = 15, next state panicking since
 * now holding 15.
 *
 * <p>No argument is ever null. An error message names the parameter and shows its value.
 */
public final class PanicMode implements ScaleRule {

    /**
     * Decides one tick.
     *
     * @param now the tick's time
     * @param stableConcurrency the stable window's average, zero or more
     * @param panicConcurrency the panic window's average, zero or more
     * @param readyInstances the ready instances, zero or more
     * @param settings the knobs, already valid
     * @param state panic mode as the previous tick left it
     * @return the desired instances and the state for the next tick
     * @throws IllegalArgumentException if an average or {@code readyInstances} is negative
     */
    @Override
    public Tick decide(Instant now, double stableConcurrency, double panicConcurrency,
            int readyInstances, ScalerSettings settings, PanicState state) {
        throw new UnsupportedOperationException("ex03a: implement PanicMode.decide");
    }
}
