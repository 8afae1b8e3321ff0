package org.eventcommerce.domain.payment.reconcile;

import java.util.List;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;

/**
 * What an inquiry on an open transaction allows us to record, the same rules wherever the inquiry is made (the
 * payment's own flow after a lost answer, the reconciler, the hosted page's return):
 * <ul>
 *   <li>{@link Outcome#SETTLE}: the provider found the attempt with a definite outcome (APPROVED, DECLINED, HELD) and
 *       nothing {@link Disagreement.Kind#blocksSettlement() blocking} disagrees: record {@link #status()};</li>
 *   <li>{@link Outcome#NOT_FOUND}: the provider has no transaction for the attempt (Payflow RESULT 20 "Cannot find
 *       customer reference" for an inquiry by CUSTREF, 19 "Original transaction ID not found" by PNREF
 *       [PFP-2009 Table 6.9]; classic {@code PaymentActionNotInitiated}, EC-2012 "Timeouts" p.26): nothing was
 *       charged, but only an attempt old enough to be no longer in flight may be closed on that ground (the
 *       reconciler's grace period);</li>
 *   <li>{@link Outcome#UNDECIDED}: anything else (no answer, a refusal of the inquiry, an ambiguous ORIGRESULT, an
 *       answer that disagrees with our record): the transaction stays open, {@link #message()} says why.</li>
 * </ul>
 * Every {@link #disagreements()} becomes an alert for the administrator, settled or not.
 *
 * @param outcome       what to do
 * @param status        for SETTLE: the status to record; else null
 * @param reference     the reference of the transaction found (Payflow ORIGPNREF, PayPal transaction id), or null
 * @param resultCode    the found transaction's result (Payflow ORIGRESULT), or the inquiry's RESULT
 * @param message       "Settled by inquiry: ..." or why not, in English
 * @param disagreements what the answer contradicts in our record
 */
public record InquiryVerdict(Outcome outcome, PaymentStatus status, String reference, String resultCode,
                             String message, List<Disagreement> disagreements) {

    /** What an inquiry allows. */
    public enum Outcome { SETTLE, NOT_FOUND, UNDECIDED }

    public InquiryVerdict {
        disagreements = disagreements == null ? List.of() : List.copyOf(disagreements);
    }

    /**
     * The verdict on a Payflow inquiry ({@code TRXTYPE=I} by CUSTREF or by PNREF, §1.8) or a classic
     * GetTransactionDetails mapped by {@code TransactionDetails.toPaymentResult}: {@code inquiry.status()} is the
     * inquiry's own outcome (APPROVED = found), {@code inquiry.originalStatus()} the transaction's.
     *
     * @param ours    our record of the transaction asked about
     * @param inquiry the inquiry's result
     */
    public static InquiryVerdict of(Disagreement.Ours ours, PaymentResult inquiry) {
        if (inquiry.status() != PaymentStatus.APPROVED) {
            if (inquiry.status() == PaymentStatus.DECLINED && isNotFound(inquiry.resultCode())) {
                return new InquiryVerdict(Outcome.NOT_FOUND, null, null, inquiry.resultCode(),
                        "The provider has no transaction for this attempt (" + code(inquiry) + ")", List.of());
            }
            return new InquiryVerdict(Outcome.UNDECIDED, null, null, inquiry.resultCode(), "The inquiry answered "
                    + inquiry.status() + " (" + code(inquiry) + ")", List.of());
        }
        PaymentStatus found = inquiry.originalStatus();
        String origResult = inquiry.fields().getOrDefault("ORIGRESULT", inquiry.resultCode());
        if (found == null || found == PaymentStatus.UNKNOWN || found == PaymentStatus.PENDING
                || found == PaymentStatus.NOT_SENT) {
            return new InquiryVerdict(Outcome.UNDECIDED, null, inquiry.reference(), origResult,
                    "The provider does not know the outcome yet (" + (origResult == null ? "no result" : "result "
                            + origResult) + ")", List.of());
        }
        List<Disagreement> disagreements = Disagreement.between(ours, found, inquiry.reference(), inquiry.amount(),
                inquiry.fields());
        if (Disagreement.blocking(disagreements)) {
            return new InquiryVerdict(Outcome.UNDECIDED, null, inquiry.reference(), origResult,
                    "The inquiry disagrees with our record (" + Disagreement.describe(disagreements) + ")",
                    disagreements);
        }
        return new InquiryVerdict(Outcome.SETTLE, found, inquiry.reference(), origResult,
                "Settled by inquiry: " + (inquiry.message() == null ? found.name() : inquiry.message()),
                disagreements);
    }

    /** Payflow RESULT 19 (no such PNREF) and 20 (no such CUSTREF); classic 10004 (invalid transaction id). */
    static boolean isNotFound(String resultCode) {
        return "19".equals(resultCode) || "20".equals(resultCode) || "10004".equals(resultCode);
    }

    private static String code(PaymentResult r) {
        return (r.resultCode() == null ? "" : "result " + r.resultCode() + ": ")
                + (r.message() == null ? "no message" : r.message());
    }
}
