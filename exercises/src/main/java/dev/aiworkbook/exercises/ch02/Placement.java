// Exercise ex02b. You edit this file: replace the `throw` with your answer, keeping the
// signature, then run `scripts/grade 02`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch02;

import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.StartDecision;
import dev.aiworkbook.runtime.instance.StartPolicy;
import java.util.List;

/**
 * Chapter 02, exercise ex02b: cold or warm start.
 *
 * <p>When an invocation arrives, the pool asks where it runs. The rule:
 * <ol>
 *   <li>Warm: an IDLE or BUSY instance with a free slot ({@code inFlight < maxConcurrency})
 *       takes it. If several have one, the most recently used wins ({@code lastUsed} latest);
 *       on a tie, the one listed first. An INITIALIZING instance is never chosen, since its
 *       initialisation may still fail.</li>
 *   <li>Cold: otherwise, if the pool holds fewer than {@code maxInstances} instances (every
 *       instance listed counts, initialising ones included), a new one starts.</li>
 *   <li>Throttle: otherwise the invocation is refused.</li>
 * </ol>
 * A RECLAIMED instance, should one be listed, is neither chosen nor counted. Worked example:
 * one BUSY instance serving 1 invocation, {@code maxConcurrency} 2, {@code maxInstances} 1:
 * it still has a free slot, so the answer is warm on it, not throttle.
 *
 * <p>No argument is ever null. An error message names the parameter and shows the value it
 * had.
 */
public final class Placement implements StartPolicy {

    /**
     * Places one invocation.
     *
     * @param instances the instances of one function version, in any order; may be empty
     * @param maxConcurrency how many invocations one instance may serve at once; one or more
     * @param maxInstances how many instances the pool may hold; zero or more
     * @return {@link StartDecision#warm(String)} with the chosen instance's id,
     *     {@link StartDecision#cold()} or {@link StartDecision#throttle()}
     * @throws IllegalArgumentException if {@code maxConcurrency} is less than one or
     *     {@code maxInstances} is negative
     */
    @Override
    public StartDecision place(List<InstanceView> instances, int maxConcurrency,
            int maxInstances) {
        throw new UnsupportedOperationException("ex02b: implement Placement.place");
    }
}
