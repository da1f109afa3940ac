package dev.aiworkbook.functions.samples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The first function of the workbook (chapter 01): greets the caller by name.
 *
 * <p>Event {@code {"name":"Ada"}}, result {@code {"message":"Hello, Ada!"}}; without a name
 * it greets the world. It uses only the standard Lambda interface, so the same class runs on
 * the workbook platform and on AWS Lambda.
 */
public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String name = nameIn(event);
        if (context != null) context.getLogger().log("greeting " + name);
        return Map.of("message", "Hello, " + name + "!");
    }

    private static String nameIn(Map<String, Object> event) {
        Object name = event == null ? null : event.get("name");
        if (name == null || name.toString().isBlank()) return "world";
        return name.toString().trim();
    }
}
