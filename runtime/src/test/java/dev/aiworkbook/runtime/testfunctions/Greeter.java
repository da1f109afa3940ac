package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Greets by name and counts its calls in static state, which belongs to one instance. */
public class Greeter implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static int calls;
    static final long LOADED_AT = System.nanoTime();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        calls++;
        context.getLogger().log("greeting " + event.get("name"));
        return Map.of("message", "Hello, " + event.get("name") + "!", "calls", calls,
                "loadedAt", LOADED_AT, "remainingMs", context.getRemainingTimeInMillis());
    }
}
