package dev.aiworkbook.functions.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HelloTest {

    private final Hello hello = new Hello();

    @Test
    @DisplayName("greets by name")
    void greetsByName() {
        assertThat(hello.handleRequest(Map.of("name", "Ada"), null))
                .containsEntry("message", "Hello, Ada!");
    }

    @Test
    @DisplayName("greets the world when no name is given")
    void greetsTheWorld() {
        assertThat(hello.handleRequest(Map.of(), null)).containsEntry("message", "Hello, world!");
        assertThat(hello.handleRequest(null, null)).containsEntry("message", "Hello, world!");
    }
}
