// Graded test of exercise ex01a: read-only. Change BilledDuration, not this file.
package dev.aiworkbook.exercises.ch01;

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

/** Grades exercise ex01a of chapter 01, {@link BilledDuration}; the tests run easiest first. */
@Tag("ex01a")
@DisplayName("ex01a: billed duration and GB-seconds")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Ex01aBilledDurationTest {

    private static final Duration ONE_MS = Duration.ofMillis(1);
    private static final Duration HUNDRED_MS = Duration.ofMillis(100);
    private static final Duration NO_MINIMUM = Duration.ZERO;
    private static final double EXACT = 1e-12;

    private final BilledDuration rule = new BilledDuration();

    @Test
    @Order(1)
    @DisplayName("1024 MB for one second is one GB-second")
    void oneGigabyteForOneSecondIsOneGbSecond() {
        double gbSeconds = rule.gbSeconds(1024, Duration.ofSeconds(1));

        assertThat(gbSeconds).isCloseTo(1.0, within(EXACT));
    }

    @Test
    @Order(2)
    @DisplayName("a GB is 1024 MB, so 512 MB for one second is half a GB-second")
    void aGigabyteIs1024Megabytes() {
        double half = rule.gbSeconds(512, Duration.ofSeconds(1));
        double small = rule.gbSeconds(128, HUNDRED_MS);

        assertThat(half).isCloseTo(0.5, within(EXACT));
        assertThat(small).isCloseTo(0.0125, within(EXACT));
    }

    @Test
    @Order(3)
    @DisplayName("GB-seconds count the billed time to the nanosecond, not whole milliseconds")
    void gbSecondsKeepFractionsOfAMillisecond() {
        double gbSeconds = rule.gbSeconds(1024, Duration.ofNanos(2_500_000));

        assertThat(gbSeconds).isCloseTo(0.0025, within(EXACT));
    }

    @Test
    @Order(4)
    @DisplayName("a duration already on a step is billed as it is")
    void keepsADurationThatIsOnAStep() {
        Duration atOneMs = rule.billedDuration(Duration.ofMillis(200), ONE_MS, NO_MINIMUM);
        Duration atHundredMs = rule.billedDuration(Duration.ofMillis(300), HUNDRED_MS, NO_MINIMUM);

        assertThat(atOneMs).isEqualTo(Duration.ofMillis(200));
        assertThat(atHundredMs).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    @Order(5)
    @DisplayName("a partial step is rounded up to the whole step")
    void roundsAPartialStepUp() {
        Duration actual = Duration.ofMillis(120).plusNanos(300_000);

        Duration atOneMs = rule.billedDuration(actual, ONE_MS, NO_MINIMUM);
        Duration atHundredMs = rule.billedDuration(actual, HUNDRED_MS, NO_MINIMUM);

        assertThat(atOneMs).isEqualTo(Duration.ofMillis(121));
        assertThat(atHundredMs).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    @Order(6)
    @DisplayName("one nanosecond past a step costs a whole step")
    void oneNanosecondPastAStepCostsAWholeStep() {
        Duration justPast = HUNDRED_MS.plusNanos(1);

        Duration billed = rule.billedDuration(justPast, HUNDRED_MS, NO_MINIMUM);
        Duration tiny = rule.billedDuration(Duration.ofNanos(1), ONE_MS, NO_MINIMUM);

        assertThat(billed).isEqualTo(Duration.ofMillis(200));
        assertThat(tiny).isEqualTo(ONE_MS);
    }

    @Test
    @Order(7)
    @DisplayName("no time and no minimum bills nothing")
    void zeroDurationWithoutMinimumBillsZero() {
        Duration billed = rule.billedDuration(Duration.ZERO, ONE_MS, NO_MINIMUM);

        assertThat(billed).isEqualTo(Duration.ZERO);
    }

    @Test
    @Order(8)
    @DisplayName("a short invocation is billed the minimum")
    void shortInvocationIsBilledTheMinimum() {
        Duration billed = rule.billedDuration(Duration.ofMillis(30), ONE_MS, HUNDRED_MS);
        Duration nothing = rule.billedDuration(Duration.ZERO, ONE_MS, HUNDRED_MS);

        assertThat(billed).isEqualTo(HUNDRED_MS);
        assertThat(nothing).isEqualTo(HUNDRED_MS);
    }

    @Test
    @Order(9)
    @DisplayName("a long invocation is rounded and the minimum plays no part")
    void longInvocationIgnoresTheMinimum() {
        Duration actual = Duration.ofMillis(150).plusNanos(200_000);

        Duration billed = rule.billedDuration(actual, ONE_MS, HUNDRED_MS);

        assertThat(billed).isEqualTo(Duration.ofMillis(151));
    }

    @Test
    @Order(10)
    @DisplayName("a negative actual duration is refused, naming actual and its value")
    void refusesANegativeActualDuration() {
        Duration negative = Duration.ofMillis(-5);

        var error = assertThrows(IllegalArgumentException.class,
                () -> rule.billedDuration(negative, ONE_MS, NO_MINIMUM));

        assertThat(error).hasMessageContaining("actual").hasMessageContaining(negative.toString());
    }

    @Test
    @Order(11)
    @DisplayName("a granularity of zero or less is refused, naming granularity and its value")
    void refusesAGranularityThatIsNotPositive() {
        Duration negative = Duration.ofMillis(-100);

        var zeroError = assertThrows(IllegalArgumentException.class,
                () -> rule.billedDuration(HUNDRED_MS, Duration.ZERO, NO_MINIMUM));
        var negativeError = assertThrows(IllegalArgumentException.class,
                () -> rule.billedDuration(HUNDRED_MS, negative, NO_MINIMUM));

        assertThat(zeroError).hasMessageContaining("granularity").hasMessageContaining("PT0S");
        assertThat(negativeError)
                .hasMessageContaining("granularity")
                .hasMessageContaining(negative.toString());
    }

    @Test
    @Order(12)
    @DisplayName("a negative minimum is refused, naming minimum and its value")
    void refusesANegativeMinimum() {
        Duration negative = Duration.ofMillis(-7);

        var error = assertThrows(IllegalArgumentException.class,
                () -> rule.billedDuration(HUNDRED_MS, ONE_MS, negative));

        assertThat(error).hasMessageContaining("minimum").hasMessageContaining(negative.toString());
    }

    @Test
    @Order(13)
    @DisplayName("memory of zero MB or less is refused, naming memoryMb and its value")
    void refusesMemoryThatIsNotPositive() {
        var zeroError = assertThrows(IllegalArgumentException.class,
                () -> rule.gbSeconds(0, HUNDRED_MS));
        var negativeError = assertThrows(IllegalArgumentException.class,
                () -> rule.gbSeconds(-256, HUNDRED_MS));

        assertThat(zeroError).hasMessageContaining("memoryMb").hasMessageContaining("0");
        assertThat(negativeError).hasMessageContaining("memoryMb").hasMessageContaining("-256");
    }

    @Test
    @Order(14)
    @DisplayName("a negative billed duration is refused, naming billed and its value")
    void refusesANegativeBilledDuration() {
        Duration negative = Duration.ofMillis(-3);

        var error = assertThrows(IllegalArgumentException.class,
                () -> rule.gbSeconds(512, negative));

        assertThat(error).hasMessageContaining("billed").hasMessageContaining(negative.toString());
    }
}
