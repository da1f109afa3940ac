package dev.aiworkbook.runtime.function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The one JSON mapper of the platform, set up the way Lambda's serializer behaves. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    /**
     * Runs the mapper once on a small value. Jackson's own start-up takes a few hundred
     * milliseconds in a fresh JVM; done when the platform starts, it is the platform's cost
     * and not the Init Duration of the first function that happens to be called.
     */
    public static void warmUp() {
        try {
            byte[] json = MAPPER.writeValueAsBytes(Map.of("warm", List.of(1, "up", true)));
            MAPPER.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the JSON mapper failed its warm-up", e);
        }
    }

    /** @return the shared mapper; it is thread-safe once configured */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
