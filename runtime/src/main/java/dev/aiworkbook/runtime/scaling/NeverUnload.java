package dev.aiworkbook.runtime.scaling;

import dev.aiworkbook.runtime.instance.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps every instance loaded once started: no cold start after the first of each instance,
 * and the most idle memory. The far end of the keep-alive trade-off, for comparison (policy
 * name {@code none}: no unloading). Chapter 04 compares it with the others.
 */
public final class NeverUnload implements KeepAlivePolicy {

    @Override
    public KeepAliveWindows windows(String function, Instant now, Duration configured) {
        return KeepAliveWindows.fixed(KeepAliveWindows.FOREVER);
    }

    @Override
    public List<String> reclaimable(List<InstanceView> instances, Instant now,
            Duration keepAlive, int minInstances) {
        return List.of();
    }

    @Override
    public String toString() {
        return "none";
    }
}
