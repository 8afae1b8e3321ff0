package org.eventcommerce.web.portal.promotion;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.CsvCells;

/**
 * Writes the promotion code report as CSV (RFC 4180 with Apache Commons CSV): a header in the reader's language,
 * then one record per code. Dates are ISO ({@code 2026-12-31}, created at with the site's offset) and amounts use a
 * dot, so every spreadsheet reads them the same; labels (service, status, ...) are in the reader's language.
 * Text that a spreadsheet would take for a formula ({@code = + - @} first) is prefixed with an apostrophe.
 */
final class PromotionCodeCsv implements AutoCloseable {

    /** The UTF-8 byte-order mark, written first so spreadsheet programs read the file as UTF-8. */
    static final char BOM = '\uFEFF';

    private final CSVPrinter printer;
    private final ZoneId zone;

    /** Writes the BOM and the header to {@code out}. */
    PromotionCodeCsv(Writer out, ZoneId zone) throws IOException {
        out.write(BOM);
        this.zone = zone;
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(
                Bundle.text("column.code"), Bundle.text("column.service"), Bundle.text("column.recipients"),
                Bundle.text("column.discountType"), Bundle.text("column.discountAmount"),
                Bundle.text("column.discountCurrency"), Bundle.text("column.discountPercent"),
                Bundle.text("column.usageType"), Bundle.text("column.used"), Bundle.text("column.reserved"),
                Bundle.text("column.usageLimit"), Bundle.text("column.expiresOn"), Bundle.text("column.appliesTo"),
                Bundle.text("column.createdAt"), Bundle.text("column.status")).get());
    }

    /** One code. */
    void print(CodeRow r) throws IOException {
        printer.printRecord(r.getCode(),
                Bundle.text("service." + r.getService()),
                safe(r.getRecipients().stream().map(p -> p.name() + " <" + p.email() + ">")
                        .collect(Collectors.joining("; "))),
                Bundle.text("discountType." + r.getDiscountType()),
                r.getDiscountAmount() == null ? "" : r.getDiscountAmount().toPlainString(),
                r.getDiscountCurrency() == null ? "" : r.getDiscountCurrency(),
                r.getDiscountPercent() == null ? "" : r.getDiscountPercent().toPlainString(),
                Bundle.text("usage." + r.getUsageType()),
                r.getUsed(),
                r.getReserved(),
                r.getUsageLimit() == null ? "" : r.getUsageLimit(),
                r.getExpiresOn().toString(),
                Bundle.text("appliesTo." + r.getAppliesTo()),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.getCreatedAt().atZone(zone).withNano(0)),
                Bundle.text("codeStatus." + r.getStatus()));
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection): {@link CsvCells#safe}. */
    static String safe(String s) {
        return CsvCells.safe(s);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
