package dev.aiworkbook.runtime.instance;

import java.time.Duration;

/**
 * The platform's side of one invocation, as an instance needs it.
 *
 * @param requestId the invocation's id
 * @param timeout the function's timeout, counted from when the invoke phase starts
 * @param log where the handler's log lines go
 */
public record InvocationRequest(String requestId, Duration timeout, StringBuilder log) {
}
