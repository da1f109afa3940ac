package dev.aiworkbook.exercises.ch04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiworkbook.runtime.model.ErlangC;
import dev.aiworkbook.runtime.model.LittlesLaw;
import dev.aiworkbook.runtime.scaling.HybridHistogramPolicy;
import dev.aiworkbook.runtime.scaling.HybridSettings;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checks, for chapter 04, that each reference answer decides as the platform's own code does,
 * on many seeded random cases: a learner's answer that passes the graders then fits there.
 */
class Ch04PlatformAgreementTest {

    private static final int CASES = 2_000;

    private final Random random = new Random(20260105);

    @Test
    @DisplayName("ex04a gives the windows of the platform's HybridHistogramPolicy")
    void hybridWindowsAgree() {
        HybridWindows answer = new HybridWindows();
        for (int i = 0; i < CASES; i++) {
            long[] bins = new long[240];
            int spread = 1 + random.nextInt(80);
            int from = random.nextInt(240 - spread);
            int samples = random.nextInt(60);
            for (int s = 0; s < samples; s++) bins[from + random.nextInt(spread)]++;
            long outOfBounds = random.nextInt(3) == 0 ? random.nextInt(80) : 0;
            double predicted = 240 + random.nextInt(600);

            assertThat(answer.windows(bins.clone(), outOfBounds, predicted))
                    .as("case %d: %d samples over %d bins from %d, %d out of bounds", i,
                            samples, spread, from, outOfBounds)
                    .isEqualTo(HybridHistogramPolicy.decide(bins, outOfBounds, predicted,
                            HybridSettings.paper()).windows());
        }
    }

    @Test
    @DisplayName("ex04b sizes as the platform's LittlesLaw does")
    void sizingAgrees() {
        Sizing answer = new Sizing();
        for (int i = 0; i < CASES; i++) {
            double rate = random.nextInt(2000) / 4.0;
            Duration mean = Duration.ofMillis(1 + random.nextInt(3000));
            int concurrency = 1 + random.nextInt(16);
            double utilization = (1 + random.nextInt(10)) / 10.0;

            assertThat(answer.instancesFor(rate, mean, concurrency, utilization))
                    .isEqualTo(LittlesLaw.instancesFor(rate, mean, concurrency, utilization));
        }
    }

    @Test
    @DisplayName("ex04c queues as the platform's ErlangC does")
    void erlangCAgrees() {
        QueueAtTheLimit answer = new QueueAtTheLimit();
        for (int i = 0; i < CASES; i++) {
            int instances = 1 + random.nextInt(300);
            double load = random.nextDouble() * instances * 0.99;

            assertThat(answer.probabilityOfWaiting(instances, load))
                    .isCloseTo(ErlangC.probabilityOfWaiting(instances, load), within(1e-12));
        }
    }
}
