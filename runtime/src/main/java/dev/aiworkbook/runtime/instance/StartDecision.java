package dev.aiworkbook.runtime.instance;

import java.util.Objects;

/**
 * Where one invocation runs: on a warm instance, on a new one (a cold start), or nowhere.
 *
 * @param kind which of the three it is
 * @param instanceId the warm instance chosen; {@code null} unless {@code kind} is WARM
 */
public record StartDecision(Kind kind, String instanceId) {

    /** The three outcomes of placing an invocation. */
    public enum Kind { WARM, COLD, THROTTLE }

    public StartDecision {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.WARM) != (instanceId != null)) {
            throw new IllegalArgumentException(
                    "instanceId must be given for WARM and only for WARM, was: " + instanceId);
        }
    }

    public static StartDecision warm(String instanceId) {
        return new StartDecision(Kind.WARM, Objects.requireNonNull(instanceId, "instanceId"));
    }

    public static StartDecision cold() {
        return new StartDecision(Kind.COLD, null);
    }

    public static StartDecision throttle() {
        return new StartDecision(Kind.THROTTLE, null);
    }

    public boolean isWarm() {
        return kind == Kind.WARM;
    }
}
