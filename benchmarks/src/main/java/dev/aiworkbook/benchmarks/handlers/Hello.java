package dev.aiworkbook.benchmarks.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The trivial handler of the cold-start benchmark. It tells which class loader defined it and
 * when its static initialiser ran, so a check can prove that each instance loaded it anew.
 */
public class Hello implements RequestHandler<Object, Map<String, Object>> {

    static final long LOADED_AT = System.nanoTime();

    @Override
    public Map<String, Object> handleRequest(Object event, Context context) {
        return Map.of("loader", String.valueOf(Hello.class.getClassLoader().getName()),
                "loadedAt", LOADED_AT);
    }
}
