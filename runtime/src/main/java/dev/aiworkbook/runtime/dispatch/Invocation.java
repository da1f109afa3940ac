package dev.aiworkbook.runtime.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One call of a function, as every trigger hands it to the {@link Dispatcher}.
 *
 * @param requestId the invocation's id, reported in every log line and to the handler
 * @param function the function's name
 * @param payload the event, as JSON bytes
 * @param type synchronous, asynchronous or dry run
 * @param trigger what started it, such as "http" or "api"
 */
public record Invocation(String requestId, String function, byte[] payload,
        InvocationType type, String trigger) {

    public Invocation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trigger, "trigger");
    }

    /**
     * A synchronous invocation with a new id.
     *
     * @param function the function's name
     * @param json the event as JSON text
     * @return the invocation
     */
    public static Invocation of(String function, String json) {
        return of(function, json.getBytes(StandardCharsets.UTF_8), InvocationType.REQUEST_RESPONSE,
                "api");
    }

    /**
     * An invocation with a new id.
     *
     * @param function the function's name
     * @param payload the event as JSON bytes
     * @param type how to run it
     * @param trigger what started it
     * @return the invocation
     */
    public static Invocation of(String function, byte[] payload, InvocationType type,
            String trigger) {
        return new Invocation(newRequestId(), function, payload, type, trigger);
    }

    /** @return a random version-4 UUID; not for security, only for telling invocations apart */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
