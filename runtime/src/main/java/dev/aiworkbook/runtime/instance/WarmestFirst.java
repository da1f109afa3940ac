package dev.aiworkbook.runtime.instance;

import java.util.Comparator;
import java.util.List;

/**
 * The platform's placement: reuse the most recently used instance that has a free slot.
 *
 * <p>Preferring the most recent one concentrates traffic, so the instances used least go idle
 * long enough to be reclaimed: a pool that grew for a burst shrinks back afterwards.
 * Instances still initialising are not counted as free, since their init may yet fail.
 */
public final class WarmestFirst implements StartPolicy {

    @Override
    public StartDecision place(List<InstanceView> instances, int maxConcurrency,
            int maxInstances) {
        var warmest = instances.stream()
                .filter(i -> i.state() == InstanceState.IDLE || i.state() == InstanceState.BUSY)
                .filter(i -> i.inFlight() < maxConcurrency)
                .max(Comparator.comparing(InstanceView::lastUsed));
        if (warmest.isPresent()) return StartDecision.warm(warmest.get().id());

        long live = instances.stream().filter(i -> i.state() != InstanceState.RECLAIMED).count();
        return live < maxInstances ? StartDecision.cold() : StartDecision.throttle();
    }
}
