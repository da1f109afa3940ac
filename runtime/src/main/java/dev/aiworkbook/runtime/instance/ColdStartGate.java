package dev.aiworkbook.runtime.instance;

import java.time.Instant;

/**
 * Says whether the pool may start one more instance for an arriving invocation: the seam
 * through which a burst limit (Lambda mode, chapter 03) holds back cold starts.
 */
@FunctionalInterface
public interface ColdStartGate {

    /** A gate that never holds a cold start back. */
    ColdStartGate OPEN = now -> true;

    /**
     * Asks for one cold start, and counts it when it is allowed.
     *
     * @param now the time of the arrival
     * @return true if the instance may start
     */
    boolean tryStart(Instant now);
}
