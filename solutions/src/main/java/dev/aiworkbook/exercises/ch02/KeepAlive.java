package dev.aiworkbook.exercises.ch02;

import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.scaling.KeepAlivePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Chapter 02, exercise ex02a, reference answer: the keep-alive reclaim decision.
 *
 * <p>Worked example: keep-alive 10 min, minimum 1, idle instances last used 12 and 11 minutes
 * ago plus one busy instance. Both idle ones have expired, and the busy one alone meets the
 * minimum, so both go, the older first (covered by minimumCountsBusyInstancesToo).
 */
public final class KeepAlive implements KeepAlivePolicy {

    @Override
    public List<String> reclaimable(List<InstanceView> instances, Instant now,
            Duration keepAlive, int minInstances) {
        if (keepAlive.isNegative()) {
            throw new IllegalArgumentException(
                    "keepAlive must be zero or more, was: " + keepAlive);
        }
        if (minInstances < 0) {
            throw new IllegalArgumentException(
                    "minInstances must be zero or more, was: " + minInstances);
        }

        // Every instance listed counts toward the minimum, busy and initialising ones too.
        int spare = Math.max(0, instances.size() - minInstances);
        return instances.stream()
                .filter(i -> hasExpired(i, now, keepAlive))
                .sorted(Comparator.comparing(InstanceView::lastUsed))
                .limit(spare)
                .map(InstanceView::id)
                .toList();
    }

    private static boolean hasExpired(InstanceView instance, Instant now, Duration keepAlive) {
        if (!instance.isIdle() || instance.provisioned()) return false;
        Duration idleFor = Duration.between(instance.lastUsed(), now);
        return idleFor.compareTo(keepAlive) >= 0;
    }
}
