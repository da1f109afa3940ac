package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Bills.charge;
import static dev.aiworkbook.runtime.billing.Bills.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of https://aws.amazon.com/lambda/pricing/ (US East, N. Virginia),
 * reproduced to the cent. Each test names the example; the figures in the display names are
 * the page's.
 */
class AwsLambdaExamplesTest {

    private final PriceCatalog x86 = PriceCatalog.load("aws-lambda-x86");
    private final PriceCatalog arm64 = PriceCatalog.load("aws-lambda-arm64");

    @Test
    @DisplayName("Mobile application backend: 1536 MB, 3M x 120 ms, free tier: $2.33 + $0.40")
    void mobileApplicationBackend() {
        Invoice invoice = Estimate.monthly(x86, 1536, 3_000_000, Duration.ofMillis(120), true);

        assertThat(find(invoice, "compute (GB-s)").quantity()).isEqualByComparingTo("540000");
        assertThat(find(invoice, "compute (GB-s)").billable()).isEqualByComparingTo("140000");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("2.33");
        assertThat(charge(invoice, "requests")).isEqualByComparingTo("0.40");
        assertThat(invoice.total()).isEqualByComparingTo("2.73");
    }

    @Test
    @DisplayName("Streaming telemetry: 1024 MB, 7.44M x 2 s, no free tier: $1.49 + $248.00")
    void enrichingStreamingTelemetry() {
        Invoice invoice = Estimate.monthly(x86, 1024, 7_440_000, Duration.ofSeconds(2), false);

        // 7.44M requests at $0.20 per million is $1.488; the page rounds it to $1.49.
        assertThat(charge(invoice, "requests")).isEqualByComparingTo("1.49");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("248.00");
        assertThat(invoice.total()).isEqualByComparingTo("249.49");
    }

    @Test
    @DisplayName("ML on support tickets: 4096 MB, 6M x 280 ms, free tier: $105.33 + $1")
    void machineLearningOnSupportTickets() {
        Invoice invoice = Estimate.monthly(x86, 4096, 6_000_000, Duration.ofMillis(280), true);

        // The page's $106.41 adds $0.08 of ephemeral storage, which is not modelled here.
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("105.33");
        assertThat(charge(invoice, "requests")).isEqualByComparingTo("1.00");
        assertThat(invoice.total()).isEqualByComparingTo("106.33");
    }

    @Test
    @DisplayName("Provisioned mobile launch: 100 x 1536 MB kept 8 h, free tier: $19.96")
    void provisionedConcurrencyMobileLaunch() {
        Meter meter = new Meter();
        meter.recordProvisioned("orders", 1536, 100, Duration.ofHours(8));
        meter.record(BillingRecord.onProvisioned("orders", 1536, Duration.ofMillis(100)),
                500_000);
        meter.record(BillingRecord.warm("orders", 1536, Duration.ofMillis(120)), 2_500_000);

        Invoice invoice = meter.invoice(x86, true);

        // 4.32M GB-s kept, 75,000 GB-s served on them, 450,000 on demand less 400,000 free.
        assertThat(charge(invoice, "provisioned kept (GB-s)")).isEqualByComparingTo("18.00");
        assertThat(charge(invoice, "requests")).isEqualByComparingTo("0.40");
        assertThat(charge(invoice, "provisioned compute (GB-s)")).isEqualByComparingTo("0.73");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("0.83");
        assertThat(invoice.total()).isEqualByComparingTo("19.96");
    }

    @Test
    @DisplayName("Provisioned Cyber Monday: 7 x 4096 MB kept 24 h, 2M x 280 ms: $32.26")
    void provisionedConcurrencyCyberMonday() {
        Meter meter = new Meter();
        meter.recordProvisioned("support", 4096, 7, Duration.ofHours(24));
        meter.record(BillingRecord.onProvisioned("support", 4096, Duration.ofMillis(280)),
                2_000_000);

        // The page applies no free tier here: the free tier does not cover provisioned use.
        Invoice invoice = meter.invoice(x86, false);

        assertThat(charge(invoice, "provisioned kept (GB-s)")).isEqualByComparingTo("10.08");
        assertThat(charge(invoice, "provisioned compute (GB-s)")).isEqualByComparingTo("21.78");
        assertThat(charge(invoice, "requests")).isEqualByComparingTo("0.40");
        assertThat(invoice.total()).isEqualByComparingTo("32.26");
    }

    @Test
    @DisplayName("Durable functions on Arm: 1024 MB, 32M s, free tier: $421.34 + $0.20")
    void durableFunctionsOnArm() {
        // 1M executions of 32 s in two invocations each: 2M invocations of 16 s.
        Invoice invoice = Estimate.monthly(arm64, 1024, 2_000_000, Duration.ofSeconds(16),
                true);

        // The example's durable-operation, data and retention lines are not modelled.
        assertThat(find(invoice, "compute (GB-s)").billable()).isEqualByComparingTo("31600000");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("421.34");
        assertThat(charge(invoice, "requests")).isEqualByComparingTo("0.20");
    }

    @Test
    @DisplayName("Classic example 1: 512 MB, 3M x 1 s, free tier: $18.34 + $0.40 = $18.74")
    void classicExampleOneUsesTheRoundedPrice() {
        // The page's earlier examples priced a GB-s at $0.00001667, the current
        // $0.0000166667 rounded; with the current price this compute line is $18.33.
        PriceCatalog rounded = x86.withPrices(
                x86.prices().withPerGbSecond(new BigDecimal("0.00001667")));

        Invoice published = Estimate.monthly(rounded, 512, 3_000_000, Duration.ofSeconds(1),
                true);
        Invoice current = Estimate.monthly(x86, 512, 3_000_000, Duration.ofSeconds(1), true);

        assertThat(charge(published, "compute (GB-s)")).isEqualByComparingTo("18.34");
        assertThat(charge(published, "requests")).isEqualByComparingTo("0.40");
        assertThat(published.total()).isEqualByComparingTo("18.74");
        assertThat(charge(current, "compute (GB-s)")).isEqualByComparingTo("18.33");
    }

    @Test
    @DisplayName("Classic example 2: 128 MB, 30M x 200 ms, free tier: $5.83 + $5.80 = $11.63")
    void classicExampleTwo() {
        PriceCatalog rounded = x86.withPrices(
                x86.prices().withPerGbSecond(new BigDecimal("0.00001667")));

        Invoice published = Estimate.monthly(rounded, 128, 30_000_000, Duration.ofMillis(200),
                true);
        Invoice current = Estimate.monthly(x86, 128, 30_000_000, Duration.ofMillis(200), true);

        // 750,000 GB-s less 400,000 free; 29M billable requests.
        assertThat(charge(published, "compute (GB-s)")).isEqualByComparingTo("5.83");
        assertThat(charge(published, "requests")).isEqualByComparingTo("5.80");
        assertThat(published.total()).isEqualByComparingTo("11.63");
        assertThat(current.total()).isEqualByComparingTo("11.63");
    }
}
