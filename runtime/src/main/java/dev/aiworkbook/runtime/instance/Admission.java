package dev.aiworkbook.runtime.instance;

/**
 * The answer of {@link InstancePool#admit()}: a {@link InstancePool.Lease lease} on a slot, or
 * the {@link Refusal limit} that refused one. Neither allocates, so the answer is cheap enough
 * for the simulator's millions of invocations per second.
 */
public sealed interface Admission permits InstancePool.Lease, Admission.Refusal {

    /** The pool limits that can refuse an invocation. */
    enum Refusal implements Admission {
        /** Every instance is busy and the pool holds {@code maxInstances}. */
        MAX_INSTANCES,
        /** A new instance was needed but the cold-start gate (the burst limit) said no. */
        BURST_LIMIT
    }
}
