package dev.aiworkbook.runtime.scaling;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the KPA remembers of panic mode from one tick to the next (chapter 03).
 *
 * @param lastOverThreshold the last tick at which the panic window asked for at least
 *     {@code panicThreshold} times the ready instances; empty while calm
 * @param heldInstances while panicking, the most instances asked for since panic began: panic
 *     never scales down; zero while calm
 */
public record PanicState(Optional<Instant> lastOverThreshold, int heldInstances) {

    /** Not panicking. */
    public static final PanicState CALM = new PanicState(Optional.empty(), 0);

    public PanicState {
        Objects.requireNonNull(lastOverThreshold, "lastOverThreshold");
        if (heldInstances < 0) {
            throw new IllegalArgumentException("heldInstances must be 0 or more, was: "
                    + heldInstances);
        }
    }

    /**
     * @param since the tick over the threshold
     * @param held the instances held
     * @return a panicking state
     */
    public static PanicState panicking(Instant since, int held) {
        return new PanicState(Optional.of(since), held);
    }

    /** @return true while in panic mode */
    public boolean isPanicking() {
        return lastOverThreshold.isPresent();
    }
}
