package dev.aiworkbook.runtime.scaling;

import dev.aiworkbook.runtime.instance.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides which idle instances to reclaim: the rule that makes a quiet function scale to zero.
 *
 * <p>A pure decision: the pool passes its instances and the time, and closes what comes back.
 * Chapter 02 runs it on a fast clock; {@link FixedKeepAlive} is the platform's rule.
 */
public interface KeepAlivePolicy {

    /**
     * Chooses the instances to reclaim now.
     *
     * @param instances every instance of the function version that is not reclaimed
     * @param now the current time
     * @param keepAlive how long an instance may stay idle
     * @param minInstances how many instances must stay, busy or idle
     * @return the ids of the instances to reclaim, none of them busy or initialising
     */
    List<String> reclaimable(List<InstanceView> instances, Instant now, Duration keepAlive,
            int minInstances);
}
