package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Returns a string of the asked-for length, to test the limits on results. */
public class Filler implements RequestHandler<Map<String, Integer>, String> {

    @Override
    public String handleRequest(Map<String, Integer> event, Context context) {
        return "x".repeat(event.getOrDefault("chars", 0));
    }
}
