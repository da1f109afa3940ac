package dev.aiworkbook.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PriceCatalogTest {

    static Iterable<String> names() {
        return PriceCatalog.names();
    }

    @Test
    @DisplayName("the built-in catalogs include AWS x86 and arm64, Azure and Cloud Run")
    void listsTheBuiltInCatalogs() {
        assertThat(PriceCatalog.names()).contains("aws-lambda-x86", "aws-lambda-arm64",
                "azure-functions-consumption", "google-cloud-run");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    @DisplayName("every catalog loads and names its source page and the day it was read")
    void everyCatalogNamesItsSourceAndDate(String name) {
        PriceCatalog catalog = PriceCatalog.load(name);

        assertThat(catalog.name()).isEqualTo(name);
        assertThat(catalog.provider()).isNotBlank();
        assertThat(catalog.currency()).isEqualTo("USD");
        assertThat(catalog.source()).startsWith("https://");
        assertThat(catalog.readOn()).isAfter(LocalDate.of(2025, 8, 1));
        assertThat(catalog.rules().initSource()).startsWith("https://");
        assertThat(catalog.prices().perGbSecond()).isPositive();
        assertThat(catalog.prices().perMillionRequests()).isPositive();
    }

    @Test
    @DisplayName("an unknown name is refused with the list of known ones")
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> PriceCatalog.load("aws-lambda-mips"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"aws-lambda-mips\"")
                .hasMessageContaining("aws-lambda-x86")
                .hasMessageContaining("google-cloud-run");
        assertThatThrownBy(() -> PriceCatalog.load(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @ParameterizedTest(name = "{0}: init billed = {1}")
    @CsvSource({
        "aws-lambda-x86,              true",
        "aws-lambda-arm64,            true",
        "azure-functions-consumption, false",
        "google-cloud-run,            true",
    })
    void initBillingIsAFlagOfTheCatalog(String name, boolean billed) {
        assertThat(PriceCatalog.load(name).rules().initBilled()).isEqualTo(billed);
    }

    @ParameterizedTest(name = "Azure bills {0} MB as {1} MB")
    @CsvSource({"128, 128", "129, 256", "160, 256", "512, 512", "1536, 1536", "2048, 1536"})
    void azureRoundsMemoryUpTo128MbStepsUpTo1536Mb(int configured, int billed) {
        PriceCatalog.Rules azure = PriceCatalog.load("azure-functions-consumption").rules();

        assertThat(azure.billedMemoryMb(configured)).isEqualTo(billed);
    }

    @Test
    @DisplayName("AWS bills memory in 1 MB steps, as configured")
    void awsBillsMemoryAsConfigured() {
        PriceCatalog.Rules aws = PriceCatalog.load("aws-lambda-x86").rules();

        assertThat(aws.billedMemoryMb(129)).isEqualTo(129);
        assertThat(aws.billedMemoryMb(10_240)).isEqualTo(10_240);
    }

    @Test
    @DisplayName("granularity and minimum are data: 1 ms, 100 ms minimum, 100 ms steps")
    void roundingRulesAreData() {
        assertThat(PriceCatalog.load("aws-lambda-x86").rules().granularity())
                .isEqualTo(Duration.ofMillis(1));
        assertThat(PriceCatalog.load("aws-lambda-x86").rules().provisionedGranularity())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(PriceCatalog.load("azure-functions-consumption").rules().minimumBilled())
                .isEqualTo(Duration.ofMillis(100));
        assertThat(PriceCatalog.load("google-cloud-run").rules().granularity())
                .isEqualTo(Duration.ofMillis(100));
    }

    @Test
    @DisplayName("only the AWS catalogs offer provisioned instances")
    void provisionedPricesAreOptional() {
        assertThat(PriceCatalog.load("aws-lambda-arm64").prices().offersProvisioned()).isTrue();
        assertThat(PriceCatalog.load("azure-functions-consumption").prices().offersProvisioned())
                .isFalse();
        assertThat(PriceCatalog.load("google-cloud-run").prices().offersProvisioned()).isFalse();
    }

    @Test
    @DisplayName("bad catalog data is refused with the field, the rule and the value")
    void rejectsBadData() {
        assertThatThrownBy(() -> new PriceCatalog.Rules(0, 0, 1, 128, 10_240, null, true,
                "https://example.org", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("granularityMs must be more than zero, was: 0");
        assertThatThrownBy(() -> new PriceCatalog.Prices(new BigDecimal("0.00001"), null,
                new BigDecimal("0.20"), new BigDecimal("0.000004"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("provisionedKeptPerGbSecond");
        assertThatThrownBy(() -> PriceCatalog.load("aws-lambda-x86").withPrices(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prices");
    }
}
