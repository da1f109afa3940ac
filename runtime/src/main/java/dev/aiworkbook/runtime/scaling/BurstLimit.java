package dev.aiworkbook.runtime.scaling;

import dev.aiworkbook.runtime.instance.ColdStartGate;
import java.time.Duration;
import java.time.Instant;

/**
 * Lambda mode's burst limit: at most {@code limit} new instances of a function per window
 * (AWS Lambda: 1,000 every 10 seconds), as a token bucket (chapter 03, exercise ex03b).
 *
 * <p>The bucket holds up to {@code limit} tokens and starts full; each cold start takes one;
 * tokens flow back at {@code limit} per window, continuously. Worked example: limit 10 per
 * 10 s; a burst takes all 10 at 0:00; at 0:05 five have flowed back, so five more may start,
 * and the sixth is throttled.
 *
 * <p>Simplification: AWS documents the limit as 1,000 instances per 10 s without saying how
 * it refills inside the window; a continuous refill is the simplest shape that meets it.
 * A pure decision with time passed in; thread-safe.
 */
public final class BurstLimit implements ColdStartGate {

    private final int limit;
    private final long windowNanos;
    private double tokens;
    private long lastNanos = Long.MIN_VALUE;

    /**
     * @param limit new instances per window, one or more
     * @param window the window, more than zero
     * @throws IllegalArgumentException if either is out of range
     */
    public BurstLimit(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("burstLimit must be 1 or more, was: " + limit);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be more than zero, was: " + window);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.tokens = limit;
    }

    @Override
    public synchronized boolean tryStart(Instant now) {
        long at = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        if (lastNanos != Long.MIN_VALUE && at > lastNanos) {
            tokens = Math.min(limit, tokens + (double) (at - lastNanos) * limit / windowNanos);
        }
        if (at > lastNanos) lastNanos = at;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** @return new instances per window */
    public int limit() {
        return limit;
    }
}
