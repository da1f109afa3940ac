package dev.aiworkbook.runtime.billing;

import java.math.BigDecimal;

/** Reads single charges out of an invoice, for the examples' assertions. */
final class Bills {

    private Bills() {
    }

    /** @return the amount of the account's charge on {@code meter} */
    static BigDecimal charge(Invoice invoice, String meter) {
        return find(invoice, meter).amount();
    }

    /** @return the account's charge on {@code meter}; fails the test if there is none */
    static Invoice.Charge find(Invoice invoice, String meter) {
        return invoice.charges().stream()
                .filter(c -> c.meter().equals(meter))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no charge on meter \"" + meter
                        + "\" in " + invoice.charges()));
    }

    /** @return whether the invoice has a charge on {@code meter} */
    static boolean has(Invoice invoice, String meter) {
        return invoice.charges().stream().anyMatch(c -> c.meter().equals(meter));
    }

    /** @return the line of {@code function}; fails the test if there is none */
    static Invoice.FunctionLine line(Invoice invoice, String function) {
        return invoice.functions().stream()
                .filter(l -> l.function().equals(function))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for function \"" + function
                        + "\" in " + invoice.functions()));
    }
}
