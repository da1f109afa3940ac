// Graded test of exercise ex02c: read-only. Change InvocationCost, not this file.
package dev.aiworkbook.exercises.ch02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades exercise ex02c of chapter 02, {@link InvocationCost}; the tests run easiest first. */
@Tag("ex02c")
@DisplayName("ex02c: what one invocation costs at a memory size")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex02cInvocationCostTest {

    // AWS Lambda's list prices for x86, first tier, in dollars.
    private static final double PER_GB_SECOND = 0.0000166667;
    private static final double PER_REQUEST = 0.0000002;
    // Cost differences here are as small as 1e-9 dollars: compare far below that.
    private static final double EXACT = 1e-15;

    @Test
    @Order(1)
    @DisplayName("an invocation that takes no time costs only the request fee")
    void noTimeCostsOnlyTheRequestFee() {
        double usd = InvocationCost.usd(512, Duration.ZERO, PER_GB_SECOND, PER_REQUEST);

        assertThat(usd).isCloseTo(PER_REQUEST, within(EXACT));
    }

    @Test
    @Order(2)
    @DisplayName("one GB for one second costs one GB-second's price")
    void oneGigabyteSecondCostsItsPrice() {
        double usd = InvocationCost.usd(1024, Duration.ofSeconds(1), PER_GB_SECOND, 0);

        assertThat(usd).isCloseTo(PER_GB_SECOND, within(EXACT));
    }

    @Test
    @Order(3)
    @DisplayName("the compute part grows with memory: 512 MB costs half of 1024 MB")
    void computeGrowsWithMemory() {
        Duration second = Duration.ofSeconds(1);

        double half = InvocationCost.usd(512, second, PER_GB_SECOND, 0);
        double twice = InvocationCost.usd(2048, second, PER_GB_SECOND, 0);

        assertThat(half).isCloseTo(PER_GB_SECOND / 2, within(EXACT));
        assertThat(twice).isCloseTo(PER_GB_SECOND * 2, within(EXACT));
    }

    @Test
    @Order(4)
    @DisplayName("the duration is billed in whole milliseconds, rounded up")
    void durationIsRoundedUpToWholeMilliseconds() {
        Duration actual = Duration.ofMillis(120).plusNanos(300_000);

        double usd = InvocationCost.usd(1024, actual, PER_GB_SECOND, 0);

        assertThat(usd).isCloseTo(0.121 * PER_GB_SECOND, within(EXACT));
    }

    @Test
    @Order(5)
    @DisplayName("the worked example: 512 MB for 120.3 ms costs $0.0000012083")
    void workedExampleAddsComputeAndRequestFee() {
        Duration actual = Duration.ofMillis(120).plusNanos(300_000);

        double usd = InvocationCost.usd(512, actual, PER_GB_SECOND, PER_REQUEST);

        // 512 MB = 0.5 GB; 121 ms billed; 0.0605 GB-s at the price, plus the request fee.
        assertThat(usd).isCloseTo(0.0605 * PER_GB_SECOND + PER_REQUEST, within(EXACT));
        assertThat(usd).isCloseTo(0.0000012083, within(1e-10));
    }

    @Test
    @Order(6)
    @DisplayName("memory of zero MB or less is refused, naming memoryMb and its value")
    void refusesMemoryThatIsNotPositive() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> InvocationCost.usd(-128, Duration.ofSeconds(1), PER_GB_SECOND, PER_REQUEST));

        assertThat(error).hasMessageContaining("memoryMb").hasMessageContaining("-128");
    }

    @Test
    @Order(7)
    @DisplayName("a negative duration is refused, naming actual and its value")
    void refusesANegativeDuration() {
        Duration negative = Duration.ofMillis(-9);

        var error = assertThrows(IllegalArgumentException.class,
                () -> InvocationCost.usd(512, negative, PER_GB_SECOND, PER_REQUEST));

        assertThat(error).hasMessageContaining("actual").hasMessageContaining(negative.toString());
    }

    @Test
    @Order(8)
    @DisplayName("a negative price is refused, naming the price and its value")
    void refusesANegativePrice() {
        Duration second = Duration.ofSeconds(1);

        var computeError = assertThrows(IllegalArgumentException.class,
                () -> InvocationCost.usd(512, second, -0.5, PER_REQUEST));
        var requestError = assertThrows(IllegalArgumentException.class,
                () -> InvocationCost.usd(512, second, PER_GB_SECOND, -0.25));

        assertThat(computeError)
                .hasMessageContaining("usdPerGbSecond")
                .hasMessageContaining("-0.5");
        assertThat(requestError)
                .hasMessageContaining("usdPerRequest")
                .hasMessageContaining("-0.25");
    }
}
