// Graded test of exercise ex03b: read-only. Change BurstLimit, not this file.
package dev.aiworkbook.exercises.ch03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex03b of chapter 03, {@link BurstLimit}; the tests run easiest first. */
@Tag("ex03b")
@DisplayName("ex03b: the Lambda burst limit")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex03bBurstLimitTest {

    private static final Instant T0 = Instant.parse("2025-01-06T12:00:00Z");
    private static final Duration TEN_S = Duration.ofSeconds(10);

    @Test
    @Order(1)
    @DisplayName("the first start is allowed: the bucket starts full")
    void firstStartAllowed() {
        BurstLimit limit = new BurstLimit(10, TEN_S);

        assertThat(limit.tryStart(T0)).isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("a burst gets exactly the limit, then is refused")
    void burstGetsTheLimit() {
        BurstLimit limit = new BurstLimit(10, TEN_S);

        int allowed = 0;
        for (int i = 0; i < 15; i++) {
            if (limit.tryStart(T0)) {
                allowed++;
            }
        }

        assertThat(allowed).as("starts allowed of 15 at once").isEqualTo(10);
    }

    @Test
    @Order(3)
    @DisplayName("tokens flow back at the limit per window, fractions included")
    void tokensFlowBack() {
        BurstLimit limit = new BurstLimit(10, TEN_S);
        for (int i = 0; i < 10; i++) {
            limit.tryStart(T0);
        }

        // 5 s later, 5 tokens are back; 0.5 s after that, half a token more: not enough
        int allowed = 0;
        for (int i = 0; i < 8; i++) {
            if (limit.tryStart(T0.plusSeconds(5))) {
                allowed++;
            }
        }
        boolean halfToken = limit.tryStart(T0.plusMillis(5_500));
        boolean wholeToken = limit.tryStart(T0.plusMillis(6_000));

        assertThat(allowed).as("starts allowed at 0:05").isEqualTo(5);
        assertThat(halfToken).as("a start with half a token back").isFalse();
        assertThat(wholeToken).as("a start with a whole token back").isTrue();
    }

    @Test
    @Order(4)
    @DisplayName("the bucket never holds more than the limit, however long it rests")
    void neverAboveTheLimit() {
        BurstLimit limit = new BurstLimit(3, TEN_S);
        limit.tryStart(T0);

        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if (limit.tryStart(T0.plus(Duration.ofHours(1)))) {
                allowed++;
            }
        }

        assertThat(allowed).as("starts allowed after an hour's rest").isEqualTo(3);
    }

    @Test
    @Order(5)
    @DisplayName("time going back adds no tokens")
    void timeGoingBackAddsNothing() {
        BurstLimit limit = new BurstLimit(1, TEN_S);
        limit.tryStart(T0.plusSeconds(10));

        boolean earlier = limit.tryStart(T0);

        assertThat(earlier).isFalse();
    }

    @Test
    @Order(6)
    @DisplayName("a limit below one or a window of zero is refused, naming it")
    void badArgumentsRefused() {
        var limit = assertThrows(IllegalArgumentException.class, () -> new BurstLimit(0, TEN_S));
        var window = assertThrows(IllegalArgumentException.class,
                () -> new BurstLimit(5, Duration.ZERO));

        assertThat(limit.getMessage()).contains("limit").contains("0");
        assertThat(window.getMessage()).contains("window").contains("PT0S");
    }
}
