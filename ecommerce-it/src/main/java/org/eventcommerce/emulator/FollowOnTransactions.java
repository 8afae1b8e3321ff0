package org.eventcommerce.emulator;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Transactions against an earlier PNREF sent as {@code ORIGID} (paypal-protocols.md §1.4, §1.8, §1.10;
 * PFP-2009 pp.32, 38-40): Delayed Capture ({@code D}), Void ({@code V}) and Credit ({@code C}).
 * Checking the original and changing it happen atomically under the ledger lock.
 * <ul>
 *   <li>all: no ORIGID → 7; unknown ORIGID (or another merchant's) → 19; the TENDER must be the original's kind:
 *       {@code P} for a PayPal (Express Checkout) original, whose follow-ons carry "TENDER ... It is always P"
 *       [PFP-EC 2013 Appendix A Tables A.13, A.15, A.17], and not {@code P} otherwise (else 2 "Invalid tender"; what
 *       Payflow answers to a mismatch is not documented: the emulator's choice); an original that failed → 120;
 *       CURRENCY, when sent, must be supported and equal to the original's (else 6);</li>
 *   <li>D: the original must be an approved, not yet captured authorization with a non-zero amount,
 *       AMT optional (defaults to the authorized amount) and not above it; otherwise 111 ("capture twice");</li>
 *   <li>V: an authorization not yet captured, or a card sale, a capture or a credit not settled and not credited;
 *       a captured authorization, a PayPal sale ("A Void transaction voids any of the following transaction types:
 *       Order, Authorizations" [PFP-EC 2009 ch.3 p.39]) or anything already voided or settled → 108;</li>
 *   <li>C: against a sale or a capture only (crediting an authorization → 105); AMT optional (defaults to what
 *       is left), more than what is left → 105; a voided original → 105; otherwise always approved (§1.10).</li>
 * </ul>
 */
final class FollowOnTransactions {

    private final TransactionLedger ledger;
    private final TransactionRecorder recorder;
    private final EmulatorControl control;
    private final VerbosityFields verbosity;

    FollowOnTransactions(TransactionLedger ledger, TransactionRecorder recorder, EmulatorControl control,
                         VerbosityFields verbosity) {
        this.ledger = ledger;
        this.recorder = recorder;
        this.control = control;
        this.verbosity = verbosity;
    }

    NvpResponse process(PayflowCall call) {
        return ledger.atomically(l -> processLocked(call));
    }

    private NvpResponse processLocked(PayflowCall call) {
        NvpRequest request = call.request();
        String origId = request.nonEmpty("ORIGID");
        if (origId == null) {
            return refuse(call, null, null, null, PayflowResult.FIELD_FORMAT_ERROR, "Field format error: ORIGID missing");
        }
        Optional<Transaction> found = ledger.referenceable(call.vendor(), origId);
        if (found.isEmpty()) {
            return refuse(call, origId, null, null, PayflowResult.ORIGINAL_NOT_FOUND, null);
        }
        Transaction orig = found.get();
        boolean payPalCall = "P".equals(request.value("TENDER"));
        if (payPalCall != "P".equals(orig.tender)) {
            return refuse(call, origId, orig, null, PayflowResult.INVALID_TENDER, null);
        }
        String currency = request.nonEmpty("CURRENCY");
        if (currency != null && (!SupportedCurrencies.isSupported(currency) || !currency.equals(orig.currency))) {
            return refuse(call, origId, orig, null, PayflowResult.INVALID_CURRENCY, null);
        }
        if (!orig.leftAuthorization()) {
            return refuse(call, origId, orig, null, PayflowResult.REFERENCE_TO_FAILED_TRANSACTION, null);
        }
        BigDecimal amount = null;
        String amt = request.nonEmpty("AMT");
        if (amt != null && !"V".equals(call.trxType())) {
            int decimals = SupportedCurrencies.decimals(orig.currency).orElse(2);
            Optional<BigDecimal> parsed = AmountFormat.parse(amt, decimals);
            if (parsed.isEmpty() || parsed.get().signum() == 0) {
                return refuse(call, origId, orig, null, PayflowResult.INVALID_AMOUNT, null);
            }
            amount = parsed.get();
        }
        return switch (call.trxType()) {
            case "D" -> capture(call, orig, amount);
            case "V" -> voidTransaction(call, orig);
            default -> credit(call, orig, amount);
        };
    }

    private NvpResponse capture(PayflowCall call, Transaction orig, BigDecimal requested) {
        BigDecimal amount = requested != null ? requested : orig.amount;
        if (!"A".equals(orig.trxType) || orig.isAccountVerification() || orig.captured || orig.voided
                || amount.compareTo(orig.amount) > 0) {
            return refuse(call, orig.pnref, orig, amount, PayflowResult.CAPTURE_ERROR, null);
        }
        return approve(call, orig, amount, () -> orig.captured = true);
    }

    private NvpResponse voidTransaction(PayflowCall call, Transaction orig) {
        boolean voidable = switch (orig.trxType) {
            case "A" -> !orig.captured;
            // A PayPal (TENDER=P) sale is not voidable: "A Void transaction voids ... Order, Authorizations".
            case "S" -> !"P".equals(orig.tender) && !orig.settled && orig.credited.signum() == 0;
            case "D", "C" -> !orig.settled && orig.credited.signum() == 0;
            default -> false;
        };
        if (orig.voided || !voidable) {
            return refuse(call, orig.pnref, orig, null, PayflowResult.VOID_ERROR, null);
        }
        return approve(call, orig, orig.amount, () -> orig.voided = true);
    }

    private NvpResponse credit(PayflowCall call, Transaction orig, BigDecimal requested) {
        boolean creditable = ("S".equals(orig.trxType) || "D".equals(orig.trxType)) && !orig.voided;
        BigDecimal remaining = orig.remainingForCredit();
        BigDecimal amount = requested != null ? requested : remaining;
        if (!creditable || remaining.signum() <= 0 || amount.compareTo(remaining) > 0) {
            return refuse(call, orig.pnref, orig, amount, PayflowResult.CREDIT_ERROR, null);
        }
        return approve(call, orig, amount, () -> orig.credited = orig.credited.add(amount));
    }

    private NvpResponse approve(PayflowCall call, Transaction orig, BigDecimal amount, Runnable applyToOriginal) {
        OptionalInt forced = control.takeForcedResult();
        int result = forced.orElse(PayflowResult.APPROVED);
        boolean approved = PayflowResult.leavesAuthorization(result);
        if (approved) {
            applyToOriginal.run();
        }
        Transaction t = recorder.record(call, new TransactionRecorder.Draft(call.trxType(), amount, orig.currency,
                orig.pnref, orig.acctLastFour, orig.cardType, result, PayflowResult.message(result), null));
        NvpResponse.Builder response = NvpResponse.result(result).add("PNREF", t.pnref).add("RESPMSG", t.respmsg);
        if (VerbosityFields.isHigh(t.verbosity)) {
            verbosity.addTo(response, t);
        }
        return response.build();
    }

    private NvpResponse refuse(PayflowCall call, String origId, Transaction orig, BigDecimal amount, int result,
                               String respmsg) {
        String message = respmsg != null ? respmsg : PayflowResult.message(result);
        Transaction t = recorder.record(call, new TransactionRecorder.Draft(call.trxType(), amount,
                orig != null ? orig.currency : call.request().nonEmpty("CURRENCY"), origId,
                orig != null ? orig.acctLastFour : null, orig != null ? orig.cardType : null, result, message, null));
        return NvpResponse.result(result).add("PNREF", t.pnref).add("RESPMSG", message).build();
    }
}
