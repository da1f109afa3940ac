package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports which classes its instance can see, counts its calls in static state, and sleeps
 * when asked, so two instances can be made to run side by side.
 */
public class Peeker implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static int calls;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int mine = ++calls;
        sleep(((Number) event.getOrDefault("sleepMs", 0)).longValue());
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("calls", mine);
        seen.put("loader", String.valueOf(Peeker.class.getClassLoader().getName()));
        seen.put("javalin", visible("io.javalin.Javalin"));
        seen.put("platform", visible("dev.aiworkbook.runtime.dispatch.Dispatcher"));
        seen.put("lambdaEvents", visible(
                "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent"));
        return seen;
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, Peeker.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
