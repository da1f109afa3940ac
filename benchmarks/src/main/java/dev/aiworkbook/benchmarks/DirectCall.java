package dev.aiworkbook.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.aiworkbook.benchmarks.handlers.Greeting;
import dev.aiworkbook.runtime.function.FunctionSpec;
import dev.aiworkbook.runtime.function.InvocationContext;
import dev.aiworkbook.runtime.function.Json;
import java.io.IOException;
import java.util.Map;

/**
 * The baselines: the {@link Greeting} handler called on the caller's own thread, with no
 * platform in between, either bare or with the JSON work that the platform must also do.
 *
 * <p>The JSON side uses the platform's own mapper and the handler's input type, so that the
 * only difference from a platform call is the platform itself.
 */
final class DirectCall {

    private final Greeting handler = new Greeting();
    private final ObjectReader reader =
            Json.mapper().readerFor(new TypeReference<Map<String, Object>>() { });
    private final ObjectWriter writer = Json.mapper().writer();
    private final Context context;

    DirectCall(FunctionSpec spec) {
        // One context for every call: making one per call is part of what the platform adds.
        this.context = new InvocationContext("direct", spec, 1, "direct-1",
                System.nanoTime() + spec.timeout().toNanos(), new StringBuilder());
    }

    /**
     * Reads the event, calls the handler and writes its result, as the platform does.
     *
     * @param event the event as JSON bytes
     * @return the result as JSON bytes
     * @throws IOException if the event is not JSON
     */
    byte[] withJson(byte[] event) throws IOException {
        Map<String, Object> input = reader.readValue(event);
        return writer.writeValueAsBytes(handler.handleRequest(input, context));
    }

    /**
     * Calls the handler on an event already read.
     *
     * @param event the event as the handler's input type
     * @return the handler's result
     */
    Map<String, String> bare(Map<String, Object> event) {
        return handler.handleRequest(event, context);
    }

    /**
     * Reads an event into the handler's input type, outside any measurement.
     *
     * @param event the event as JSON bytes
     * @return the event as a map
     * @throws IOException if the event is not JSON
     */
    Map<String, Object> read(byte[] event) throws IOException {
        return reader.readValue(event);
    }
}
