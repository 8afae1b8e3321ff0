package org.eventcommerce.emulator;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * Gives a transaction its PNREF and records it in the ledger. Every request that passed authentication
 * becomes a transaction with a PNREF, declined and refused ones too, as in PayPal Manager
 * (paypal-protocols.md §1.5). Only the last four digits of the card are passed in.
 */
final class TransactionRecorder {

    private final TransactionLedger ledger;
    private final ReferenceGenerator references;
    private final Clock clock;

    TransactionRecorder(TransactionLedger ledger, ReferenceGenerator references, Clock clock) {
        this.ledger = ledger;
        this.references = references;
        this.clock = clock;
    }

    /** What a new transaction carries besides its PNREF and time. */
    record Draft(String trxType, BigDecimal amount, String currency, String origId, String acctLastFour,
                 CardType cardType, int result, String respmsg, String authCode) {
    }

    Transaction record(PayflowCall call, Draft draft) {
        return ledger.atomically(l -> {
            String pnref = references.pnref();
            while (l.isPnrefTaken(pnref)) {
                pnref = references.pnref();
            }
            NvpRequest request = call.request();
            Transaction transaction = new Transaction(pnref, call.vendor(), draft.trxType(),
                    request.value("TENDER"), draft.amount(), draft.currency(), request.nonEmpty("CUSTREF"),
                    call.requestId(), draft.origId(), draft.acctLastFour(), draft.cardType(),
                    request.value("VERBOSITY"), clock.instant(), draft.result(), draft.respmsg(), draft.authCode());
            l.record(transaction);
            return transaction;
        });
    }

    String authCode() {
        return references.authCode();
    }
}
