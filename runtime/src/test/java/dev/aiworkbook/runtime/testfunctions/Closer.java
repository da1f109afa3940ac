package dev.aiworkbook.runtime.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Holds a "resource" until it is closed, and writes a line to the file the last event named
 * when the platform closes it; an event with {@code sleepMs} keeps it busy that long.
 */
public class Closer implements RequestHandler<Map<String, Object>, String>, AutoCloseable {

    private volatile Path log;

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        log = Path.of((String) event.get("closeLog"));
        if (event.get("sleepMs") instanceof Number sleep) {
            long until = System.nanoTime() + sleep.longValue() * 1_000_000;
            while (System.nanoTime() < until) Thread.onSpinWait();
        }
        return "open";
    }

    @Override
    public void close() {
        try {
            Files.writeString(log, "closed on " + Thread.currentThread().getName() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
