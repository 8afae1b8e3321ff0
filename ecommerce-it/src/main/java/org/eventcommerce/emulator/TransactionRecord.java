package org.eventcommerce.emulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read-only copy of one recorded transaction, as tests see it through
 * {@link PayPalEmulator#transactions()} and {@code GET /control/transactions}.
 * {@code acctLastFour} is all that is kept of the card; {@code transState} follows PFP-2009 Appendix D
 * (paypal-protocols.md §1.5).
 *
 * @param amount the amount the transaction carried (for a capture or credit without AMT: the amount applied),
 *               or null
 * @param origId the ORIGID sent, or null
 */
public record TransactionRecord(String pnref, String vendor, String trxType, String tender, BigDecimal amount,
                                String currency, String custref, String requestId, String origId,
                                String acctLastFour, int result, String respmsg, int transState, Instant time) {

    /**
     * The control-endpoint line:
     * {@code PNREF=..&TRXTYPE=..&AMT=..&CURRENCY=..&CUSTREF=..&REQUESTID=..&RESULT=..&ORIGID=..},
     * values holding {@code &} or {@code =} length-tagged as in §1.3.
     */
    public String toControlLine() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("PNREF", pnref);
        pairs.put("TRXTYPE", trxType);
        pairs.put("AMT", AmountFormat.format(amount));
        pairs.put("CURRENCY", orEmpty(currency));
        pairs.put("CUSTREF", orEmpty(custref));
        pairs.put("REQUESTID", orEmpty(requestId));
        pairs.put("RESULT", Integer.toString(result));
        pairs.put("ORIGID", orEmpty(origId));
        return new NvpWriter().write(pairs);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
