package dev.aiworkbook.runtime.instance;

import java.time.Duration;

/**
 * What one instance reports of one invocation.
 *
 * @param kind whether the handler returned, threw, or ran past its deadline
 * @param payload the result, or the error JSON, as bytes
 * @param duration how long the invoke phase ran (the full timeout when it timed out)
 * @param memoryUsedMb the instance's memory use so far, in MB, as the REPORT line shows it
 */
public record InvocationOutcome(Kind kind, byte[] payload, Duration duration, long memoryUsedMb) {

    /** How an invocation ended inside its instance. */
    public enum Kind { SUCCESS, FUNCTION_ERROR, TIMEOUT }
}
