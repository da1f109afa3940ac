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
     * Learns from one invocation's arrival; policies that adapt per function (the hybrid
     * histogram policy) build their idle-time statistics from these calls.
     *
     * @param function the function's name
     * @param arrival when the invocation arrived
     */
    default void invoked(String function, Instant arrival) {
    }

    /**
     * Learns that a function's last busy instance went idle: the start of an idle time.
     *
     * @param function the function's name
     * @param now when it went idle
     */
    default void idle(String function, Instant now) {
    }

    /**
     * The windows for an instance of {@code function} that has just gone idle.
     *
     * @param function the function's name
     * @param now the current time
     * @param configured the function's own keep-alive setting
     * @return by default the configured keep-alive, with no pre-warm
     */
    default KeepAliveWindows windows(String function, Instant now, Duration configured) {
        return KeepAliveWindows.fixed(configured);
    }

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
