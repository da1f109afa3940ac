package dev.aiworkbook.exercises.ch02;

import dev.aiworkbook.runtime.instance.InstanceState;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.StartDecision;
import dev.aiworkbook.runtime.instance.StartPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Chapter 02, exercise ex02b, reference answer: cold or warm start.
 *
 * <p>Choosing the most recently used instance concentrates traffic on few instances, so the
 * others stay idle long enough for the keep-alive to reclaim them.
 */
public final class Placement implements StartPolicy {

    @Override
    public StartDecision place(List<InstanceView> instances, int maxConcurrency,
            int maxInstances) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException(
                    "maxConcurrency must be one or more, was: " + maxConcurrency);
        }
        if (maxInstances < 0) {
            throw new IllegalArgumentException(
                    "maxInstances must be zero or more, was: " + maxInstances);
        }

        Optional<InstanceView> warmest = warmestWithFreeSlot(instances, maxConcurrency);
        if (warmest.isPresent()) return StartDecision.warm(warmest.get().id());

        boolean mayGrow = countLive(instances) < maxInstances;
        return mayGrow ? StartDecision.cold() : StartDecision.throttle();
    }

    private static Optional<InstanceView> warmestWithFreeSlot(List<InstanceView> instances,
            int maxConcurrency) {
        InstanceView warmest = null;
        for (InstanceView candidate : instances) {
            boolean usable = isInitialised(candidate) && candidate.inFlight() < maxConcurrency;
            // Strictly later only: on a tie the one listed first keeps its place.
            if (usable && (warmest == null || candidate.lastUsed().isAfter(warmest.lastUsed()))) {
                warmest = candidate;
            }
        }
        return Optional.ofNullable(warmest);
    }

    private static boolean isInitialised(InstanceView instance) {
        return instance.state() == InstanceState.IDLE || instance.state() == InstanceState.BUSY;
    }

    private static long countLive(List<InstanceView> instances) {
        return instances.stream().filter(i -> i.state() != InstanceState.RECLAIMED).count();
    }
}
