package dev.aiworkbook.runtime.dispatch;

import java.time.Duration;

/**
 * How asynchronous invocations are retried, with Lambda's defaults.
 *
 * @param retries attempts after the first one on a function error (Lambda: 2)
 * @param firstBackoff the wait before the first retry (Lambda: about 1 minute)
 * @param throttleBackoff the wait before trying a throttled event again
 * @param maxEventAge how long an event may wait in all before it is dead-lettered (Lambda: 6 h)
 */
public record AsyncSettings(int retries, Duration firstBackoff, Duration throttleBackoff,
        Duration maxEventAge) {

    public static final AsyncSettings LAMBDA = new AsyncSettings(2, Duration.ofMinutes(1),
            Duration.ofSeconds(1), Duration.ofHours(6));

    public AsyncSettings {
        if (retries < 0 || retries > 2) {
            throw new IllegalArgumentException("retries must be 0..2, was: " + retries);
        }
        requirePositive("firstBackoff", firstBackoff);
        requirePositive("throttleBackoff", throttleBackoff);
        requirePositive("maxEventAge", maxEventAge);
    }

    /** @return the wait before retry number {@code retry} (1-based): the backoff doubles */
    public Duration backoff(int retry) {
        return firstBackoff.multipliedBy(1L << (retry - 1));
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be more than zero, was: " + value);
        }
    }
}
