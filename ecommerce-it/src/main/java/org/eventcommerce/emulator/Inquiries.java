package org.eventcommerce.emulator;

import java.util.Optional;

/**
 * Inquiry ({@code TRXTYPE=I}, paypal-protocols.md §1.8; PFP-2009 pp.38-40; SDK DOInquiry.java).
 * By {@code ORIGID} (the PNREF; unknown → 19) or by {@code CUSTREF} (only the last transaction with it
 * is returned; none → 20); neither sent → 7. An inquiry that finds its transaction answers RESULT 0, a new
 * PNREF, then ORIGPNREF, ORIGRESULT, TRANSSTATE (Appendix D, {@link TransactionState}), the original RESPMSG
 * and AUTHCODE, AMT and CUSTREF; with VERBOSITY=HIGH on the inquiry or on the original
 * ("Inquiry responses follow the original transaction's verbosity") also ACCT, TRANSTIME and CARDTYPE.
 * Inquiries are recorded but cannot themselves be found. They are never forced.
 */
final class Inquiries {

    private final TransactionLedger ledger;
    private final TransactionRecorder recorder;
    private final VerbosityFields verbosity;

    Inquiries(TransactionLedger ledger, TransactionRecorder recorder, VerbosityFields verbosity) {
        this.ledger = ledger;
        this.recorder = recorder;
        this.verbosity = verbosity;
    }

    NvpResponse process(PayflowCall call) {
        return ledger.atomically(l -> processLocked(call));
    }

    private NvpResponse processLocked(PayflowCall call) {
        NvpRequest request = call.request();
        String origId = request.nonEmpty("ORIGID");
        String custref = request.nonEmpty("CUSTREF");
        Optional<Transaction> found;
        int notFound;
        if (origId != null) {
            found = ledger.referenceable(call.vendor(), origId);
            notFound = PayflowResult.ORIGINAL_NOT_FOUND;
        } else if (custref != null) {
            found = ledger.lastWithCustref(call.vendor(), custref);
            notFound = PayflowResult.CUSTOMER_REFERENCE_NOT_FOUND;
        } else {
            return refuse(call, null, PayflowResult.FIELD_FORMAT_ERROR, "Field format error: ORIGID or CUSTREF missing");
        }
        if (found.isEmpty()) {
            return refuse(call, origId, notFound, PayflowResult.message(notFound));
        }
        Transaction orig = found.get();
        Transaction t = recorder.record(call, new TransactionRecorder.Draft("I", null, orig.currency, orig.pnref,
                orig.acctLastFour, orig.cardType, PayflowResult.APPROVED, PayflowResult.message(0), null));
        NvpResponse.Builder response = NvpResponse.result(PayflowResult.APPROVED)
                .add("PNREF", t.pnref)
                .add("ORIGPNREF", orig.pnref)
                .add("ORIGRESULT", Integer.toString(orig.result))
                .add("TRANSSTATE", Integer.toString(TransactionState.of(orig)))
                .add("RESPMSG", orig.respmsg)
                .add("AUTHCODE", orig.authCode)
                .add("AMT", orig.amount == null ? null : AmountFormat.format(orig.amount))
                .add("CUSTREF", orig.custref);
        if (VerbosityFields.isHigh(t.verbosity) || VerbosityFields.isHigh(orig.verbosity)) {
            verbosity.addTo(response, orig);
        }
        return response.build();
    }

    private NvpResponse refuse(PayflowCall call, String origId, int result, String respmsg) {
        Transaction t = recorder.record(call, new TransactionRecorder.Draft("I", null, null, origId, null, null,
                result, respmsg, null));
        return NvpResponse.result(result).add("PNREF", t.pnref).add("RESPMSG", respmsg).build();
    }
}
