// Exercise ex03b. You edit this file: replace the `throw`s with your answer, keeping the
// signatures, then run `scripts/grade 03`. The graded tests are read-only.
package dev.aiworkbook.exercises.ch03;

import dev.aiworkbook.runtime.instance.ColdStartGate;
import java.time.Duration;
import java.time.Instant;

/**
 * Chapter 03, exercise ex03b: Lambda mode's burst limit, as a token bucket.
 *
 * <p>The bucket holds at most {@code limit} tokens and starts full. Each allowed cold start
 * takes one token. Tokens flow back continuously at {@code limit} per {@code window}: after
 * {@code t} of time, {@code limit × t / window} more (fractions count), never above
 * {@code limit}. A start is allowed only if at least one whole token is there. Time never goes
 * back: a call with an earlier {@code now} than the last one adds nothing.
 *
 * <p>Worked example: limit 10 per 10 s. Ten starts at 0:00 take every token; the eleventh at
 * 0:00 is refused. At 0:05, 5 tokens have flowed back: five starts are allowed, the sixth
 * refused.
 */
public final class BurstLimit implements ColdStartGate {

    /**
     * @param limit new instances per window, one or more
     * @param window the window, more than zero
     * @throws IllegalArgumentException if {@code limit} is below one or {@code window} is not
     *     more than zero
     */
    public BurstLimit(int limit, Duration window) {
        throw new UnsupportedOperationException("ex03b: implement the BurstLimit constructor");
    }

    /**
     * Asks for one cold start at {@code now}, taking a token if one is there.
     *
     * @param now the time of the arrival
     * @return true if the start is allowed
     */
    @Override
    public boolean tryStart(Instant now) {
        throw new UnsupportedOperationException("ex03b: implement BurstLimit.tryStart");
    }
}
