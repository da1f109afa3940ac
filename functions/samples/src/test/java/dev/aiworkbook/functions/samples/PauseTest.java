package dev.aiworkbook.functions.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PauseTest {

    @Test
    @DisplayName("waits the asked-for time, and never less than zero")
    void waits() {
        long started = System.nanoTime();

        Map<String, Object> result = new Pause().handleRequest(Map.of("ms", 50), null);
        Map<String, Object> negative = new Pause().handleRequest(Map.of("ms", -5), null);

        assertThat(result).containsEntry("pausedMs", 50L);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(50);
        assertThat(negative).containsEntry("pausedMs", 0L);
    }
}
