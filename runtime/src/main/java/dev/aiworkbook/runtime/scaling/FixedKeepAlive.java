package dev.aiworkbook.runtime.scaling;

import dev.aiworkbook.runtime.instance.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Reclaims an instance once it has been idle for the whole keep-alive, oldest first, but never
 * below the function's minimum instances, and never one of the provisioned instances that
 * make up that minimum (they are paid for to stay warm).
 *
 * <p>Worked example: keep-alive 10 min, min 1, two idle instances last used 12 and 11 minutes
 * ago and one busy: both idle ones have expired, but the busy one alone already meets the
 * minimum, so both go. With no busy one, the newer idle instance would stay.
 */
public final class FixedKeepAlive implements KeepAlivePolicy {

    /** The last windows handed out: one function's keep-alive rarely changes. */
    private volatile KeepAliveWindows last = KeepAliveWindows.fixed(Duration.ZERO);

    /** The configured keep-alive, no pre-warm; without an allocation per idle spell. */
    @Override
    public KeepAliveWindows windows(String function, Instant now, Duration configured) {
        KeepAliveWindows windows = last;
        if (windows.keepAlive().equals(configured)) return windows;
        windows = KeepAliveWindows.fixed(configured);
        last = windows;
        return windows;
    }

    @Override
    public List<String> reclaimable(List<InstanceView> instances, Instant now,
            Duration keepAlive, int minInstances) {
        long live = instances.size();
        long spare = Math.max(0, live - minInstances);
        return instances.stream()
                .filter(InstanceView::isIdle)
                .filter(i -> !i.provisioned())
                .filter(i -> !Duration.between(i.lastUsed(), now).minus(keepAlive).isNegative())
                .sorted(Comparator.comparing(InstanceView::lastUsed))
                .limit(spare)
                .map(InstanceView::id)
                .toList();
    }
}
