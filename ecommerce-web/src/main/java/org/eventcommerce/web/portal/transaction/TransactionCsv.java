package org.eventcommerce.web.portal.transaction;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eventcommerce.domain.payment.report.TransactionRow;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.CsvCells;

/**
 * Writes transactions report rows as CSV (RFC 4180, Apache Commons CSV), for the portal's export and
 * {@code GET /api/v1/transactions} with {@code Accept: text/csv}: a UTF-8 byte-order mark, a header in the reader's
 * language (English outside a Faces request), one record per transaction. Times are ISO 8601 with the site's offset,
 * amounts plain with a dot and the currency's decimals ({@code 1234.50}) beside the ISO 4217 code; kind, status,
 * provider and mode are labels in the reader's language. Free text that a spreadsheet would take for a formula is
 * neutralised ({@link CsvCells#safe}).
 */
public final class TransactionCsv implements AutoCloseable {

    /** The UTF-8 byte-order mark, written first so spreadsheet programs read the file as UTF-8. */
    public static final char BOM = '\uFEFF';

    private final CSVPrinter printer;
    private final ZoneId zone;

    /** Writes the BOM and the header to {@code out}; times will be shown in {@code zone} (the site's). */
    public TransactionCsv(Writer out, ZoneId zone) throws IOException {
        out.write(BOM);
        this.zone = zone;
        this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(
                Bundle.text("column.time"), Bundle.text("column.transaction"), Bundle.text("column.order"),
                Bundle.text("column.offeringId"), Bundle.text("column.offering"), Bundle.text("column.attendee"),
                Bundle.text("column.attendeeName"), Bundle.text("column.kind"), Bundle.text("column.status"),
                Bundle.text("column.amount"), Bundle.text("column.currency"), Bundle.text("column.provider"),
                Bundle.text("column.mode"), Bundle.text("column.reference"), Bundle.text("column.result"),
                Bundle.text("column.message"), Bundle.text("column.cardBrand"), Bundle.text("column.cardLast4"))
                .get());
    }

    /** One transaction. */
    public void print(TransactionRow r) throws IOException {
        printer.printRecord(
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.createdAt().atZone(zone)),
                r.publicId(), r.orderId(), CsvCells.safe(r.offeringId()), CsvCells.safe(r.offeringTitle()),
                CsvCells.safe(r.attendeeEmail()), CsvCells.safe(r.attendeeName()),
                Bundle.text("transactionKind." + r.kind()), Bundle.text("transactionStatus." + r.status()),
                r.money().toPlainString(), r.currency(), Bundle.text("provider." + r.provider()),
                Bundle.text("mode." + r.mode()), CsvCells.safe(r.reference()), CsvCells.safe(r.resultCode()),
                CsvCells.safe(r.message()), r.cardBrand() == null ? "" : Bundle.text("card." + r.cardBrand()), // a tender without digits too
                r.cardLast4() == null ? "" : r.cardLast4());
    }

    /** Flushes and closes the writer. */
    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
