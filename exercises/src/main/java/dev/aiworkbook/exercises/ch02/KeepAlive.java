// Exercise ex02a. You edit this file: replace the `throw` with your answer, keeping the
// signature, then run `scripts/grade 02`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch02;

import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Chapter 02, exercise ex02a: the keep-alive reclaim decision.
 *
 * <p>An instance that serves nothing still holds memory, so the platform closes it once it has
 * been idle for the whole keep-alive: this is how a quiet function scales to zero. The rule:
 * <ul>
 *   <li>Only an IDLE instance can be reclaimed; BUSY and INITIALIZING ones never are.</li>
 *   <li>An idle instance has expired once {@code now - lastUsed >= keepAlive}: idle for exactly
 *       the keep-alive is enough.</li>
 *   <li>At least {@code minInstances} instances stay, counting every instance listed, busy,
 *       idle or initialising. When the minimum stops some expired instances from going, the
 *       ones used longest ago go first and the most recently used stay.</li>
 *   <li>A {@code provisioned} instance is never reclaimed: it is paid for to stay warm.</li>
 * </ul>
 * Worked example: keep-alive 10 min, minimum 1, two idle instances last used 12 and 11 minutes
 * ago: both have expired, but one must stay, so only the one used 12 minutes ago goes.
 *
 * <p>No argument is ever null. An error message names the parameter and shows the value it
 * had, a {@code Duration} as its {@code toString()} prints it.
 */
public final class KeepAlive implements KeepAlivePolicy {

    /**
     * Chooses the instances to reclaim now.
     *
     * @param instances every instance of one function version that is not reclaimed, in any
     *     order; may be empty
     * @param now the current time
     * @param keepAlive how long an instance may stay idle; zero or more
     * @param minInstances how many instances must stay; zero or more
     * @return the ids of the instances to reclaim, the one used longest ago first; empty when
     *     none is to go
     * @throws IllegalArgumentException if {@code keepAlive} or {@code minInstances} is negative
     */
    @Override
    public List<String> reclaimable(List<InstanceView> instances, Instant now,
            Duration keepAlive, int minInstances) {
        throw new UnsupportedOperationException("ex02a: implement KeepAlive.reclaimable");
    }
}
