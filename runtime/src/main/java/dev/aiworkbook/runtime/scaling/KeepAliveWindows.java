package dev.aiworkbook.runtime.scaling;

import java.time.Duration;
import java.util.Objects;

/**
 * What a keep-alive policy asks of the pool once an instance of a function goes idle.
 *
 * <p>With no pre-warm window the instance stays loaded for the keep-alive window, then goes.
 * With a pre-warm window the instance is unloaded at once, a new one is loaded when the
 * pre-warm window ends (just before the next invocation is expected), and that one is kept
 * for the keep-alive window. This is the shape of the hybrid histogram policy of "Serverless
 * in the Wild" (USENIX ATC 2020); a fixed keep-alive is the case without pre-warm.
 *
 * <p>Worked example: idle times of a function cluster between 9 and 11 minutes. Pre-warm
 * 8 minutes, keep-alive 4 minutes: the instance goes when its invocation ends, a fresh one is
 * loaded 8 minutes later and waits until minute 12, covering the next call with no idle
 * memory held during the first 8 minutes.
 *
 * @param prewarm how long after going idle to load an instance again; zero keeps it loaded
 * @param keepAlive how long the (kept or pre-warmed) instance may then stay idle
 */
public record KeepAliveWindows(Duration prewarm, Duration keepAlive) {

    /** A keep-alive so long that an instance is, in practice, never unloaded. */
    public static final Duration FOREVER = Duration.ofDays(365L * 100);

    public KeepAliveWindows {
        Objects.requireNonNull(prewarm, "prewarm");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (prewarm.isNegative()) {
            throw new IllegalArgumentException("prewarm must be zero or more, was: " + prewarm);
        }
        if (keepAlive.isNegative()) {
            throw new IllegalArgumentException("keepAlive must be zero or more, was: "
                    + keepAlive);
        }
    }

    /**
     * A plain keep-alive: stay loaded for {@code keepAlive}, no pre-warm.
     *
     * @param keepAlive how long an idle instance stays
     * @return the windows
     */
    public static KeepAliveWindows fixed(Duration keepAlive) {
        return new KeepAliveWindows(Duration.ZERO, keepAlive);
    }

    /** @return true if the instance is to be unloaded at once and loaded again later */
    public boolean prewarms() {
        return !prewarm.isZero();
    }
}
