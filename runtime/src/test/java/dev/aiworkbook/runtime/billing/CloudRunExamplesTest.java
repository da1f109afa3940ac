package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Bills.charge;
import static dev.aiworkbook.runtime.billing.Bills.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Google Cloud Run with request-based billing, Tier 1 prices of
 * https://cloud.google.com/run/pricing. That page gives no worked example with figures, so
 * the example here is worked by hand from its unit prices and free tier.
 */
class CloudRunExamplesTest {

    private final PriceCatalog cloudRun = PriceCatalog.load("google-cloud-run");

    @Test
    @DisplayName("by hand: 1 vCPU, 512 MiB, 10M x 250 ms, free tier: $67.68 + $2.85 + $3.20")
    void exampleWorkedByHand() {
        Invoice invoice = Estimate.monthly(cloudRun, 512, 10_000_000, Duration.ofMillis(250),
                true);

        // 250 ms bills 300 ms: 3M vCPU-s less 180,000 free; 1.5M GiB-s less 360,000 free.
        assertThat(find(invoice, "compute (vCPU-s)").billable()).isEqualByComparingTo("2820000");
        assertThat(charge(invoice, "compute (vCPU-s)")).isEqualByComparingTo("67.68");
        assertThat(find(invoice, "compute (GB-s)").billable()).isEqualByComparingTo("1140000");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("2.85");
        assertThat(charge(invoice, "requests")).isEqualByComparingTo("3.20");
        assertThat(invoice.total()).isEqualByComparingTo("73.73");
    }

    @ParameterizedTest(name = "{0} ms bills {1} vCPU-s")
    @CsvSource({"0, 0", "1, 0.1", "100, 0.1", "101, 0.2", "250, 0.3"})
    void roundsUpTo100MsSteps(long durationMs, String vcpuSeconds) {
        Invoice invoice = Estimate.monthly(cloudRun, 512, 1, Duration.ofMillis(durationMs),
                false);

        assertThat(find(invoice, "compute (vCPU-s)").quantity())
                .isEqualByComparingTo(vcpuSeconds);
    }

    @Test
    @DisplayName("usage within the free tier costs nothing")
    void freeTierCoversSmallServices() {
        Invoice invoice = Estimate.monthly(cloudRun, 512, 1_000_000, Duration.ofMillis(100),
                true);

        // Without it: 100,000 vCPU-s $2.40, 50,000 GiB-s $0.125 ($0.13), 1M requests $0.40.
        Invoice full = Estimate.monthly(cloudRun, 512, 1_000_000, Duration.ofMillis(100), false);

        assertThat(invoice.total()).isEqualByComparingTo("0");
        assertThat(full.total()).isEqualByComparingTo("2.93");
    }
}
