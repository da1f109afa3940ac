package dev.aiworkbook.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.SplittableRandom;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsageTallyTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aws-lambda-x86", "azure-functions-consumption", "google-cloud-run"})
    @DisplayName("the tally bills random invocations exactly as the meter does")
    void tallyBillsAsTheMeterDoes(String catalogName) {
        PriceCatalog catalog = PriceCatalog.load(catalogName);
        UsageTally tally = new UsageTally(catalog);
        Meter meter = new Meter();
        SplittableRandom random = new SplittableRandom(7);
        UsageTally.Account small = tally.account("small", 256);
        UsageTally.Account large = tally.account("large", 1536);

        for (int i = 0; i < 5000; i++) {
            long run = random.nextLong(400_000_000L);
            boolean cold = random.nextInt(10) == 0;
            long init = cold ? random.nextLong(900_000_000L) : 0;
            boolean toSmall = random.nextBoolean();
            (toSmall ? small : large).record(run, init);
            String name = toSmall ? "small" : "large";
            int memory = toSmall ? 256 : 1536;
            meter.record(cold
                    ? BillingRecord.cold(name, memory, Duration.ofNanos(run),
                            Duration.ofNanos(init))
                    : BillingRecord.warm(name, memory, Duration.ofNanos(run)));
        }

        Invoice fromTally = tally.invoice(false);
        Invoice fromMeter = meter.invoice(catalog, false);
        assertThat(fromTally.exactTotal()).isEqualByComparingTo(fromMeter.exactTotal());
        assertThat(fromTally.functions()).usingRecursiveFieldByFieldElementComparator(
                RecursiveComparisonConfiguration.builder()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyInAnyOrderElementsOf(fromMeter.functions());
        assertThat(tally.requests()).isEqualTo(5000);
    }

    @Test
    @DisplayName("a function keeps one memory size; a second one is refused with both values")
    void memoryStaysTheSame() {
        UsageTally tally = new UsageTally(PriceCatalog.load("aws-lambda-x86"));
        tally.account("f", 512);

        assertThatThrownBy(() -> tally.account("f", 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memoryMb").hasMessageContaining("512")
                .hasMessageContaining("1024");
    }

    @Test
    @DisplayName("a negative duration is refused and nothing is recorded")
    void negativeDurationIsRefused() {
        UsageTally tally = new UsageTally(PriceCatalog.load("aws-lambda-x86"));
        UsageTally.Account account = tally.account("f", 512);
        account.record(1_000_000, 0);

        assertThatThrownBy(() -> account.record(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durationNanos").hasMessageContaining("-1");
        assertThat(account.requests()).isEqualTo(1);
    }
}
