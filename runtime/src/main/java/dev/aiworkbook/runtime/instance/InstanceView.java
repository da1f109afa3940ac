package dev.aiworkbook.runtime.instance;

import java.time.Instant;

/**
 * A read-only picture of one instance, as placement and keep-alive decisions see it.
 *
 * @param id the instance's id, unique within its function
 * @param state where the instance is in its life
 * @param inFlight how many invocations it is serving now
 * @param lastUsed when it last started or finished an invocation (or finished initialising)
 * @param provisioned whether it is one of the function's minimum, always-kept instances
 */
public record InstanceView(
        String id, InstanceState state, int inFlight, Instant lastUsed, boolean provisioned) {

    /** @return true when the instance is initialised and serving nothing */
    public boolean isIdle() {
        return state == InstanceState.IDLE;
    }
}
