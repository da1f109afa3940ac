// Reference answer of exercise ex03b.
package dev.aiworkbook.exercises.ch03;

import dev.aiworkbook.runtime.instance.ColdStartGate;
import java.time.Duration;
import java.time.Instant;

/** Chapter 03, exercise ex03b, answered: the burst limit as a token bucket. */
public final class BurstLimit implements ColdStartGate {

    private final int limit;
    private final long windowNanos;
    private double tokens;
    private Instant last;

    public BurstLimit(int limit, Duration window) {
        if (limit < 1) throw new IllegalArgumentException("limit must be 1 or more, was: " + limit);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be more than zero, was: " + window);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.tokens = limit;
    }

    @Override
    public boolean tryStart(Instant now) {
        if (last != null && now.isAfter(last)) {
            double flowed = (double) Duration.between(last, now).toNanos() * limit / windowNanos;
            tokens = Math.min(limit, tokens + flowed);
        }
        if (last == null || now.isAfter(last)) last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
