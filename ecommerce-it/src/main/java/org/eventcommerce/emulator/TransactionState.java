package org.eventcommerce.emulator;

/**
 * Computes {@code TRANSSTATE} as an Inquiry reports it (PFP-2009 Appendix D Tables D.2/D.3 pp.143-144;
 * paypal-protocols.md §1.5, §1.8): 0 account verification, 1 error, 3 authorization approved,
 * 8 settled, 9 authorization captured, plus 1000 once voided.
 *
 * <p>Simplification: the emulator reports approved sales, captures and credits as 8 straight away
 * (the pilot settles in a daily batch); they stay voidable until {@code /control/settle}.
 * A transaction held for fraud review (RESULT 126) is authorized but not settled, so it reports 3; once the
 * merchant accepted the review ({@link TransactionLedger#acceptReview}) it reports 8.
 */
final class TransactionState {

    static final int ACCOUNT_VERIFICATION = 0;
    static final int ERROR = 1;
    static final int AUTHORIZED = 3;
    static final int SETTLED = 8;
    static final int CAPTURED = 9;
    static final int VOIDED_OFFSET = 1000;

    private TransactionState() {
    }

    static int of(Transaction t) {
        if (!t.leftAuthorization()) {
            return ERROR;
        }
        int state;
        if (t.result == PayflowResult.UNDER_FRAUD_REVIEW) {
            state = t.reviewAccepted ? SETTLED : AUTHORIZED;
        } else if ("A".equals(t.trxType)) {
            state = t.isAccountVerification() ? ACCOUNT_VERIFICATION : t.captured ? CAPTURED : AUTHORIZED;
        } else {
            state = SETTLED;
        }
        return t.voided ? state + VOIDED_OFFSET : state;
    }
}
