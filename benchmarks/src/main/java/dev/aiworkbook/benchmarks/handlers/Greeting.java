package dev.aiworkbook.benchmarks.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The small, realistic handler of the warm and HTTP benchmarks: it greets the {@code name} of
 * a JSON event, {@code {"name":"Ada"}} giving {@code {"message":"Hello, Ada!"}}.
 */
public class Greeting implements RequestHandler<Map<String, Object>, Map<String, String>> {

    @Override
    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
        Object name = event.getOrDefault("name", "world");
        return Map.of("message", "Hello, " + name + "!");
    }
}
