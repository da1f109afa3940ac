package dev.aiworkbook.runtime.billing;

import static dev.aiworkbook.runtime.billing.Bills.charge;
import static dev.aiworkbook.runtime.billing.Bills.find;
import static dev.aiworkbook.runtime.billing.Bills.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Azure Functions' Consumption plan: the pricing example of
 * https://azure.microsoft.com/en-us/pricing/details/functions/ and the plan's minimums and
 * 128 MB memory steps.
 */
class AzureFunctionsExamplesTest {

    private final PriceCatalog azure = PriceCatalog.load("azure-functions-consumption");

    @Test
    @DisplayName("Pricing example: 512 MB, 3M executions of 1 s, free grant: $17.60 + $0.40")
    void pricingExample() {
        Invoice invoice = Estimate.monthly(azure, 512, 3_000_000, Duration.ofSeconds(1), true);

        assertThat(find(invoice, "compute (GB-s)").billable()).isEqualByComparingTo("1100000");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("17.60");
        assertThat(charge(invoice, "requests")).isEqualByComparingTo("0.40");
        assertThat(invoice.total()).isEqualByComparingTo("18.00");
    }

    @Test
    @DisplayName("an execution of 5 ms is billed the 100 ms minimum")
    void shortExecutionsBillTheMinimum() {
        Invoice invoice = Estimate.monthly(azure, 128, 1_000_000, Duration.ofMillis(5), false);

        // 1M x 100 ms x 0.125 GB = 12,500 GB-s, where AWS would bill 625.
        assertThat(find(invoice, "compute (GB-s)").quantity()).isEqualByComparingTo("12500");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("0.20");
    }

    @Test
    @DisplayName("memory is billed in 128 MB steps: 200 MB bills 256 MB")
    void memoryIsRoundedUpTo128MbSteps() {
        Invoice invoice = Estimate.monthly(azure, 200, 1_000_000, Duration.ofSeconds(1), false);

        assertThat(find(invoice, "compute (GB-s)").quantity()).isEqualByComparingTo("250000");
        assertThat(charge(invoice, "compute (GB-s)")).isEqualByComparingTo("4.00");
    }

    @Test
    @DisplayName("a cold start's initialisation is not billed")
    void initialisationIsNotBilled() {
        Meter meter = new Meter();
        meter.record(BillingRecord.cold("thumbs", 512, Duration.ofMillis(300),
                Duration.ofSeconds(2)));

        Invoice invoice = meter.invoice(azure, false);

        assertThat(line(invoice, "thumbs").initGbSeconds()).isEqualByComparingTo("0");
        assertThat(line(invoice, "thumbs").gbSeconds()).isEqualByComparingTo("0.15");
    }
}
