package dev.aiworkbook.runtime.instance;

import java.time.Duration;

/** Hears the pool's state changes: instances started and reclaimed. */
public interface PoolListener {

    PoolListener NONE = new PoolListener() { };

    /**
     * An instance finished its init phase and is ready.
     *
     * @param function the function's name
     * @param instance the instance as it is now
     * @param initDuration how long its init phase took
     */
    default void started(String function, InstanceView instance, Duration initDuration) {
    }

    /**
     * An instance was closed for good.
     *
     * @param function the function's name
     * @param instance the instance as it was when closed
     * @param reason why: "keep-alive", "timeout", "init-failed", "drained"
     */
    default void reclaimed(String function, InstanceView instance, String reason) {
    }
}
