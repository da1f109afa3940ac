package dev.aiworkbook.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total: \\$([0-9,.]+)$");

    private final PriceCatalog x86 = PriceCatalog.load("aws-lambda-x86");

    @Test
    @DisplayName("the JSON parses, and its total is the text's total")
    void jsonTotalEqualsTextTotal() throws Exception {
        Invoice invoice = twoFunctions().invoice(x86, true);

        JsonNode json = new ObjectMapper().readTree(invoice.toJson());
        BigDecimal textTotal = textTotal(invoice.render());

        assertThat(json.get("total").isNumber()).isTrue();
        assertThat(json.get("total").decimalValue()).isEqualByComparingTo(textTotal);
        assertThat(textTotal).isEqualByComparingTo("2.48");
        assertThat(json.get("catalog").asText()).isEqualTo("aws-lambda-x86");
        assertThat(json.get("source").asText()).isEqualTo("https://aws.amazon.com/lambda/pricing/");
        assertThat(json.get("functions")).hasSize(2);
        assertThat(json.get("charges").get(0).get("amount").isNumber()).isTrue();
    }

    @Test
    @DisplayName("a bill under a cent rounds to $0.00 but keeps its exact amount")
    void exactTotalShowsSubCentBills() {
        // 1,000 calls of 1 ms at 512 MB: 0.5 GB-s x $0.0000166667 + 1,000 x $0.20 / 1M
        Invoice invoice = Estimate.monthly(x86, 512, 1_000, Duration.ofMillis(1), false);

        assertThat(invoice.total()).isEqualByComparingTo("0.00");
        assertThat(invoice.exactTotal()).isEqualByComparingTo("0.00020833335");
        assertThat(invoice.render()).contains("Before rounding to cents: $0.0002083");
    }

    @Test
    @DisplayName("quantities in JSON are plain decimals, not exponents")
    void jsonNumbersArePlain() {
        Invoice invoice = Estimate.monthly(x86, 1536, 3_000_000, Duration.ofMillis(120), true);

        assertThat(invoice.toJson()).contains("540000").doesNotContain("E+");
    }

    @Test
    @DisplayName("the text names the catalog, its source and date, each function and the total")
    void textShowsEveryPart() {
        Invoice invoice = twoFunctions().invoice(x86, false);

        String text = invoice.render();

        assertThat(text).contains("aws-lambda-x86", "https://aws.amazon.com/lambda/pricing/",
                "2026-12-03", "api", "cron", "compute (GB-s)", "requests", "Total: $9.35");
        assertThat(text.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(100);
    }

    @Test
    @DisplayName("the text's money has thousands separators")
    void textGroupsThousands() {
        Invoice invoice = Estimate.monthly(x86, 10_240, 100_000_000, Duration.ofSeconds(1),
                false);

        // 1e9 GB-s at $0.0000166667 plus 100M requests at $0.20 per million.
        assertThat(invoice.total()).isEqualByComparingTo("16686.70");
        assertThat(invoice.render()).contains("Total: $16,686.70", "1,000,000,000");
    }

    private static Meter twoFunctions() {
        Meter meter = new Meter();
        meter.record(BillingRecord.warm("api", 512, Duration.ofSeconds(1)), 1_000_000);
        meter.record(BillingRecord.warm("cron", 128, Duration.ofMillis(100)), 2_000_000);
        return meter;
    }

    private static BigDecimal textTotal(String text) {
        Matcher m = TOTAL.matcher(text);
        assertThat(m.find()).as("a 'Total: $x' line in:%n%s", text).isTrue();
        return new BigDecimal(m.group(1).replace(",", ""));
    }
}
