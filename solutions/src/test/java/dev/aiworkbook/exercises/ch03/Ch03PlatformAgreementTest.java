package dev.aiworkbook.exercises.ch03;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.runtime.scaling.KnativeScaleRule;
import dev.aiworkbook.runtime.scaling.PanicState;
import dev.aiworkbook.runtime.scaling.ScaleRule;
import dev.aiworkbook.runtime.scaling.ScalerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checks, for chapter 03, that each reference answer decides exactly as the platform's own
 * rule does, on seeded random sequences; a change to either needs the same change to the
 * other, the stub's Javadoc and the graders.
 */
class Ch03PlatformAgreementTest {

    private static final Instant T0 = Instant.parse("2025-01-06T12:00:00Z");
    private final Random random = new Random(20250106);

    @Test
    @DisplayName("PanicMode agrees with KnativeScaleRule over random tick sequences")
    void panicModeAgrees() {
        ScaleRule platform = new KnativeScaleRule();
        ScaleRule answer = new PanicMode();
        for (int run = 0; run < 200; run++) {
            ScalerSettings s = new ScalerSettings(1 + random.nextInt(5), 0.5 + random.nextDouble()
                    / 2, Duration.ofSeconds(6 + random.nextInt(60)), 10, 1.5 + random.nextDouble(),
                    2 + random.nextInt(10), 2, Duration.ofSeconds(30));
            PanicState a = PanicState.CALM;
            PanicState b = PanicState.CALM;
            int ready = random.nextInt(5);
            for (int tick = 0; tick < 50; tick++) {
                Instant now = T0.plusSeconds(2L * tick);
                double stable = random.nextDouble() * 20;
                double panic = random.nextDouble() < 0.2 ? random.nextDouble() * 100 : stable;
                ScaleRule.Tick x = platform.decide(now, stable, panic, ready, s, a);
                ScaleRule.Tick y = answer.decide(now, stable, panic, ready, s, b);
                assertThat(y).as("run %d tick %d", run, tick).isEqualTo(x);
                a = x.next();
                b = y.next();
                ready = x.desiredInstances();
            }
        }
    }

    @Test
    @DisplayName("BurstLimit agrees with the platform's burst limit over random arrivals")
    void burstLimitAgrees() {
        for (int run = 0; run < 200; run++) {
            int limit = 1 + random.nextInt(20);
            var platform = new dev.aiworkbook.runtime.scaling.BurstLimit(limit,
                    Duration.ofSeconds(10));
            var answer = new BurstLimit(limit, Duration.ofSeconds(10));
            Instant now = T0;
            for (int call = 0; call < 100; call++) {
                now = now.plusMillis(random.nextInt(1500));
                assertThat(answer.tryStart(now)).as("run %d call %d", run, call)
                        .isEqualTo(platform.tryStart(now));
            }
        }
    }
}
