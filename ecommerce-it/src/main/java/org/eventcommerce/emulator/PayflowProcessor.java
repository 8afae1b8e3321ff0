package org.eventcommerce.emulator;

import java.util.Set;

/**
 * Turns one authenticated Payflow request into an answer (paypal-protocols.md §1.4-§1.10): checks TENDER
 * and TRXTYPE, then hands over to the sale/authorization, follow-on or inquiry rules.
 * <ul>
 *   <li>TRXTYPE other than S, A, D, V, C, I → 3 "Invalid transaction type" (pilot trigger "3 → TRXTYPE=G");</li>
 *   <li>TENDER other than C → 2 "Invalid tender" (pilot trigger "2 → TENDER=G"; TENDER=P, Express Checkout
 *       through Payflow §1.9, is not emulated yet).</li>
 * </ul>
 */
final class PayflowProcessor {

    private static final Set<String> TRXTYPES = Set.of("S", "A", "D", "V", "C", "I");

    private final TransactionRecorder recorder;
    private final CardTransactions cardTransactions;
    private final FollowOnTransactions followOns;
    private final Inquiries inquiries;

    PayflowProcessor(TransactionRecorder recorder, CardTransactions cardTransactions, FollowOnTransactions followOns,
                     Inquiries inquiries) {
        this.recorder = recorder;
        this.cardTransactions = cardTransactions;
        this.followOns = followOns;
        this.inquiries = inquiries;
    }

    NvpResponse process(PayflowCall call) {
        String trxType = call.trxType();
        if (!TRXTYPES.contains(trxType)) {
            return refuse(call, PayflowResult.INVALID_TRANSACTION_TYPE);
        }
        if (!"C".equals(call.request().value("TENDER"))) {
            return refuse(call, PayflowResult.INVALID_TENDER);
        }
        return switch (trxType) {
            case "S", "A" -> cardTransactions.process(call);
            case "I" -> inquiries.process(call);
            default -> followOns.process(call);
        };
    }

    private NvpResponse refuse(PayflowCall call, int result) {
        Transaction t = recorder.record(call, new TransactionRecorder.Draft(call.trxType(), null,
                call.request().nonEmpty("CURRENCY"), call.request().nonEmpty("ORIGID"), null, null, result,
                PayflowResult.message(result), null));
        return NvpResponse.result(result).add("PNREF", t.pnref).add("RESPMSG", t.respmsg).build();
    }
}
