package dev.aiworkbook.functions.samples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Waits before it answers (chapter 01): event {@code {"ms":2000}}. A slow function makes
 * concurrency visible: while one call waits, a function with {@code maxInstances: 1} has no
 * instance for the next and throttles it.
 */
public class Pause implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The longest pause asked for is cut to this, so a typo cannot hold an instance long. */
    static final long MAX_MS = 60_000;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        long ms = Math.min(MAX_MS, Math.max(0, millisIn(event)));
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("pausedMs", 0, "interrupted", true);
        }
        return Map.of("pausedMs", ms);
    }

    private static long millisIn(Map<String, Object> event) {
        Object ms = event == null ? null : event.get("ms");
        if (ms instanceof Number number) return number.longValue();
        return 1000;
    }
}
