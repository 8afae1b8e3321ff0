package org.eventcommerce.web.portal.revenue;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eventcommerce.domain.payment.report.Revenue;
import org.eventcommerce.domain.payment.report.RevenueLine;
import org.eventcommerce.domain.payment.report.RevenueTotal;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.CsvCells;

/**
 * Writes the revenue report as CSV (RFC 4180, Apache Commons CSV), for the portal's export and
 * {@code GET /api/v1/reports/revenue} with {@code Accept: text/csv}: a UTF-8 byte-order mark, a header in the
 * reader's language (English outside a Faces request), one record per group and currency in the report's order,
 * then one record per currency for the totals (an empty key, written {@code ""}, and the group "Total"). Amounts are
 * plain with a dot and the currency's decimals ({@code 1234.50}) beside the ISO 4217 code; group names that a
 * spreadsheet would take for a formula are neutralised ({@link CsvCells#safe}).
 */
public final class RevenueCsv {

    /** The UTF-8 byte-order mark, written first so spreadsheet programs read the file as UTF-8. */
    public static final char BOM = '\uFEFF';

    private RevenueCsv() {
    }

    /** Writes {@code revenue} to {@code out} and flushes it (the writer stays open). */
    public static void write(Revenue revenue, Writer out) throws IOException {
        out.write(BOM);
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(Bundle.text("column.groupKey"),
                RevenueLabels.heading(revenue.query().groupBy()), Bundle.text("column.currency"),
                Bundle.text("column.payments"), Bundle.text("column.refunds"), Bundle.text("column.net"),
                Bundle.text("column.discountsGiven"), Bundle.text("column.paidOrders")).get());
        for (RevenueLine l : revenue.groups()) {
            p.printRecord(CsvCells.safe(l.key()), CsvCells.safe(RevenueLabels.of(revenue.query().groupBy(), l)),
                    l.currency().getCurrencyCode(), l.payments().toPlainString(), l.refunds().toPlainString(),
                    l.net().toPlainString(), l.discounts().toPlainString(), l.orders());
        }
        for (RevenueTotal t : revenue.totals()) {
            p.printRecord("", Bundle.text("label.total"), t.currency().getCurrencyCode(), t.payments().toPlainString(),
                    t.refunds().toPlainString(), t.net().toPlainString(), t.discounts().toPlainString(), t.orders());
        }
        p.flush();
    }
}
