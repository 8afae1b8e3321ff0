package org.eventcommerce.emulator;

import java.util.Set;

/**
 * Turns one authenticated Payflow request into an answer (paypal-protocols.md §1.4-§1.10): checks TENDER
 * and TRXTYPE, then hands over to the sale/authorization, follow-on or inquiry rules.
 * <ul>
 *   <li>TRXTYPE other than S, A, D, V, C, I → 3 "Invalid transaction type" (pilot trigger "3 → TRXTYPE=G");</li>
 *   <li>{@code CREATESECURETOKEN=Y} (TENDER absent or C) → {@link SecureTokens#create} (§1.7);</li>
 *   <li>TENDER=P with TRXTYPE S or A and an ACTION → Express Checkout through Payflow ({@link ExpressCheckouts},
 *       §1.9); without ACTION → 2; TENDER=P on D, V, C, I → the follow-on and inquiry rules, as for cards;</li>
 *   <li>any other TENDER than C → 2 "Invalid tender" (pilot trigger "2 → TENDER=G").</li>
 * </ul>
 */
final class PayflowProcessor {

    private static final Set<String> TRXTYPES = Set.of("S", "A", "D", "V", "C", "I");

    private final TransactionRecorder recorder;
    private final CardTransactions cardTransactions;
    private final FollowOnTransactions followOns;
    private final Inquiries inquiries;
    private final SecureTokens secureTokens;
    private final ExpressCheckouts expressCheckouts;

    PayflowProcessor(TransactionRecorder recorder, CardTransactions cardTransactions, FollowOnTransactions followOns,
                     Inquiries inquiries, SecureTokens secureTokens, ExpressCheckouts expressCheckouts) {
        this.recorder = recorder;
        this.cardTransactions = cardTransactions;
        this.followOns = followOns;
        this.inquiries = inquiries;
        this.secureTokens = secureTokens;
        this.expressCheckouts = expressCheckouts;
    }

    NvpResponse process(PayflowCall call) {
        String trxType = call.trxType();
        if (!TRXTYPES.contains(trxType)) {
            return refuse(call, PayflowResult.INVALID_TRANSACTION_TYPE);
        }
        String tender = call.request().value("TENDER");
        if ("Y".equalsIgnoreCase(call.request().value("CREATESECURETOKEN"))) {
            return tender.isEmpty() || "C".equals(tender) ? secureTokens.create(call)
                    : NvpResponse.resultWithMessage(PayflowResult.INVALID_TENDER).build();
        }
        boolean purchase = "S".equals(trxType) || "A".equals(trxType);
        if ("P".equals(tender) && purchase) {
            return call.request().has("ACTION") ? expressCheckouts.process(call)
                    : refuse(call, PayflowResult.INVALID_TENDER);
        }
        if (!"C".equals(tender) && !"P".equals(tender)) {
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
