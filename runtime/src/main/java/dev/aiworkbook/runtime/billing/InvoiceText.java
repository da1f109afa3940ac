package dev.aiworkbook.runtime.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** Lays an invoice out as text tables: the first column left, numbers right-aligned. */
final class InvoiceText {

    private InvoiceText() {
    }

    static String render(Invoice invoice) {
        StringBuilder out = new StringBuilder();
        out.append("Invoice priced with ").append(invoice.catalog()).append(": ")
                .append(invoice.provider()).append('\n');
        out.append("Prices in ").append(invoice.currency()).append(", read on ")
                .append(invoice.readOn()).append(" from ").append(invoice.source()).append('\n');
        out.append("Monthly free tier: ").append(invoice.freeTier()
                ? "applied to the account's usage" : "not applied").append("\n\n");

        out.append("Per function, before the free tier (GB-s of on-demand invocations):\n");
        out.append(table(functionRows(invoice)));
        out.append("\nPer meter, for the account:\n");
        out.append(table(chargeRows(invoice)));
        out.append("\nTotal: ").append(money(invoice.total())).append('\n');
        if (invoice.exactTotal().compareTo(invoice.total()) != 0) {
            out.append("Before rounding to cents: $")
                    .append(invoice.exactTotal().round(new MathContext(4))
                            .toPlainString()).append('\n');
        }
        return out.toString();
    }

    private static List<String[]> functionRows(Invoice invoice) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"function", "requests", "GB-s", "compute", "init", "requests $",
            "provisioned", "total"});
        for (Invoice.FunctionLine line : invoice.functions()) {
            rows.add(new String[] {line.function(), grouped(BigDecimal.valueOf(line.requests())),
                grouped(line.gbSeconds()), money(line.computeCharge()), money(line.initCharge()),
                money(line.requestCharge()), money(line.provisionedCharge()),
                money(line.total())});
        }
        return rows;
    }

    private static List<String[]> chargeRows(Invoice invoice) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"meter", "quantity", "free tier", "billable", "unit price",
            "charge"});
        for (Invoice.Charge charge : invoice.charges()) {
            rows.add(new String[] {charge.meter(), grouped(charge.quantity()),
                grouped(charge.freeTier()), grouped(charge.billable()),
                "$" + charge.unitPrice().toPlainString() + " / " + charge.per(),
                money(charge.amount())});
        }
        return rows;
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(String.format("%-" + widths[0] + "s", row[0]));
            for (int i = 1; i < row.length; i++) {
                out.append("  ").append(String.format("%" + widths[i] + "s", row[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** @return the amount with a dollar sign and thousands separators: {@code $1,234.50} */
    static String money(BigDecimal amount) {
        return "$" + grouped(Invoice.cents(amount));
    }

    /** @return the number in plain digits, thousands separated: {@code 1,500,000.25} */
    static String grouped(BigDecimal number) {
        String plain = number.scale() > 2 ? number.stripTrailingZeros().toPlainString()
                : number.toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0 && Character.isDigit(whole.charAt(i - 1))) {
                digits.append(',');
            }
            digits.append(whole.charAt(i));
        }
        return digits + fraction;
    }
}
