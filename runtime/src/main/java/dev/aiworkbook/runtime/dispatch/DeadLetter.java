package dev.aiworkbook.runtime.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An asynchronous invocation that failed every attempt, kept so it can be inspected.
 *
 * @param invocation the invocation as it was accepted
 * @param attempts how many times it ran or was refused
 * @param reason why it ended here: the last error type, "Throttled" or "EventAgeExceeded"
 * @param lastError the last error body, or a message from the platform
 * @param failedAt when it was given up, on the platform's clock
 */
public record DeadLetter(Invocation invocation, int attempts, String reason, String lastError,
        Instant failedAt) {

    /** @return the original event as text */
    public String payloadText() {
        return new String(invocation.payload(), StandardCharsets.UTF_8);
    }
}
