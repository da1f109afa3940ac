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

    /**
     * An instance was closed for good; the pool calls this one, which by default passes the
     * event on without the idle time.
     *
     * @param function the function's name
     * @param instance the instance as it was when closed
     * @param reason why: "keep-alive", "scale-down", "prewarm", "timeout", "init-failed",
     *     "drained"
     * @param idle how long, in all, it was initialised and serving nothing: the memory time
     *     a keep-alive costs without earning
     */
    default void reclaimed(String function, InstanceView instance, String reason,
            Duration idle) {
        reclaimed(function, instance, reason);
    }
}
