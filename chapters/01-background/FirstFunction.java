///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Chapter 01: deploy a first function, call it over HTTP, read its REPORT line and bill
//JAVA 17+
//DEPS dev.aiworkbook:runtime:1.0-SNAPSHOT
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.aiworkbook.runtime.experiment.FirstFunctionExperiment;
import java.util.Locale;
import java.util.Map;

public class FirstFunction {

    /** The whole function: no server, no port, no process to manage. */
    public static class Hello implements RequestHandler<Map<String, String>, Map<String, String>> {
        @Override
        public Map<String, String> handleRequest(Map<String, String> event, Context context) {
            context.getLogger().log("greeting " + event.get("name"));
            return Map.of("message", "Hello, " + event.get("name") + "!");
        }
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? parse(args[0]) : 1000;
        System.out.println(run(calls));
    }

    static String run(int calls) {
        var result = FirstFunctionExperiment.run(Hello.class, "{\"name\":\"serverless\"}", calls);
        return String.join("\n",
                "POST " + result.url(),
                "response: " + result.response(),
                "",
                "The platform's log of that call:",
                result.log().strip(),
                "",
                String.format(Locale.ROOT, "%d calls over HTTP: p50 %.2f ms, p90 %.2f ms",
                        calls, result.latency().p50(), result.latency().p90()),
                "",
                result.invoice());
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            System.err.println("usage: FirstFunction [CALLS]   (CALLS: a whole number, was: \""
                    + text + "\")");
            System.exit(64);
            return 0;
        }
    }
}
