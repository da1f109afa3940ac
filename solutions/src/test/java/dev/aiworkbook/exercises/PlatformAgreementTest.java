package dev.aiworkbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.aiworkbook.exercises.ch01.BilledDuration;
import dev.aiworkbook.exercises.ch02.KeepAlive;
import dev.aiworkbook.exercises.ch02.Placement;
import dev.aiworkbook.runtime.billing.StandardMeteringRule;
import dev.aiworkbook.runtime.instance.InstanceState;
import dev.aiworkbook.runtime.instance.InstanceView;
import dev.aiworkbook.runtime.instance.WarmestFirst;
import dev.aiworkbook.runtime.scaling.FixedKeepAlive;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checks, for chapters 01 and 02, that each reference answer decides exactly as the platform's
 * own rule does, on many seeded random cases with valid inputs.
 *
 * <p>A learner's answer that passes the graders can then be plugged into the platform in place
 * of its rule. If this fails after a change to the platform, the exercise's contract (its stub's
 * Javadoc), the graders and the answer need the same change.
 */
class PlatformAgreementTest {

    private static final int CASES = 2_000;
    private static final Instant T0 = Instant.parse("2025-01-06T12:00:00Z");
    private static final InstanceState[] LIVE = {
        InstanceState.INITIALIZING, InstanceState.IDLE, InstanceState.BUSY
    };

    private final Random random = new Random(20250106);

    @Test
    @DisplayName("ex01a bills as the platform's StandardMeteringRule does")
    void billedDurationAgreesWithThePlatform() {
        var answer = new BilledDuration();
        var platform = new StandardMeteringRule();

        for (int i = 0; i < CASES; i++) {
            Duration actual = Duration.ofNanos(random.nextInt(2_000_000_000));
            Duration step = Duration.ofMillis(random.nextBoolean() ? 1 : 100);
            Duration minimum = Duration.ofMillis(random.nextInt(3) * 50L);
            int memoryMb = 128 + random.nextInt(10_113);
            String label = "actual " + actual + ", step " + step + ", minimum " + minimum;

            Duration billed = answer.billedDuration(actual, step, minimum);

            assertThat(billed).as(label)
                    .isEqualTo(platform.billedDuration(actual, step, minimum));
            // The platform may compute in decimals: agree to far below anything billed.
            assertThat(answer.gbSeconds(memoryMb, billed)).as(label + ", " + memoryMb + " MB")
                    .isCloseTo(platform.gbSeconds(memoryMb, billed), withinPercentage(1e-9));
        }
    }

    @Test
    @DisplayName("ex02a reclaims what the platform's FixedKeepAlive reclaims")
    void keepAliveAgreesWithThePlatform() {
        var answer = new KeepAlive();
        var platform = new FixedKeepAlive();

        for (int i = 0; i < CASES; i++) {
            List<InstanceView> instances = randomPool(LIVE, 4);
            // Whole minutes make ties and exact expiries common, where answers differ most.
            Instant now = T0.plus(Duration.ofMinutes(random.nextInt(25)));
            Duration keepAlive = Duration.ofMinutes(random.nextInt(12));
            int minInstances = random.nextInt(4);

            List<String> reclaimed = answer.reclaimable(instances, now, keepAlive, minInstances);

            assertThat(reclaimed).as("%s at %s, keep-alive %s, min %d", instances, now,
                    keepAlive, minInstances)
                    .isEqualTo(platform.reclaimable(instances, now, keepAlive, minInstances));
        }
    }

    @Test
    @DisplayName("ex02b places as the platform's WarmestFirst does")
    void placementAgreesWithThePlatform() {
        var answer = new Placement();
        var platform = new WarmestFirst();

        for (int i = 0; i < CASES; i++) {
            int maxConcurrency = 1 + random.nextInt(3);
            List<InstanceView> instances = randomPool(InstanceState.values(), maxConcurrency);
            int maxInstances = random.nextInt(7);

            var decision = answer.place(instances, maxConcurrency, maxInstances);

            assertThat(decision).as("%s, maxConcurrency %d, maxInstances %d", instances,
                    maxConcurrency, maxInstances)
                    .isEqualTo(platform.place(instances, maxConcurrency, maxInstances));
        }
    }

    private List<InstanceView> randomPool(InstanceState[] states, int maxConcurrency) {
        int size = random.nextInt(6);
        List<InstanceView> pool = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            InstanceState state = states[random.nextInt(states.length)];
            int inFlight = state == InstanceState.BUSY ? 1 + random.nextInt(maxConcurrency) : 0;
            Instant lastUsed = T0.plus(Duration.ofMinutes(random.nextInt(20)));
            pool.add(new InstanceView("i" + n, state, inFlight, lastUsed, random.nextBoolean()));
        }
        return pool;
    }
}
