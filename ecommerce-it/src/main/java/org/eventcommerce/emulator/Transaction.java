package org.eventcommerce.emulator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One transaction the emulator recorded, with the state later transactions change (captured, voided,
 * credited, settled). Mutated only under the {@link TransactionLedger} lock. Holds the last four
 * digits of the card only, never the number or the CVV2.
 */
final class Transaction {

    final String pnref;
    final String vendor;
    final String trxType;
    final String tender;
    final BigDecimal amount;
    final String currency;
    final String custref;
    final String requestId;
    final String origId;
    final String acctLastFour;
    final CardType cardType;
    final String verbosity;
    final Instant time;
    final int result;
    final String respmsg;
    final String authCode;

    boolean captured;
    boolean voided;
    boolean settled;
    /** A sale or authorization held for review (RESULT 126) that the merchant accepted (see {@link TransactionLedger#acceptReview}). */
    boolean reviewAccepted;
    BigDecimal credited = BigDecimal.ZERO.setScale(2);

    Transaction(String pnref, String vendor, String trxType, String tender, BigDecimal amount,
                String currency, String custref, String requestId, String origId, String acctLastFour,
                CardType cardType, String verbosity, Instant time, int result, String respmsg, String authCode) {
        this.pnref = pnref;
        this.vendor = vendor;
        this.trxType = trxType;
        this.tender = tender;
        this.amount = amount;
        this.currency = currency;
        this.custref = custref;
        this.requestId = requestId;
        this.origId = origId;
        this.acctLastFour = acctLastFour;
        this.cardType = cardType;
        this.verbosity = verbosity;
        this.time = time;
        this.result = result;
        this.respmsg = respmsg;
        this.authCode = authCode;
    }

    boolean leftAuthorization() {
        return PayflowResult.leavesAuthorization(result);
    }

    boolean isAccountVerification() {
        return "A".equals(trxType) && amount != null && amount.signum() == 0;
    }

    BigDecimal remainingForCredit() {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.subtract(credited);
    }

    TransactionRecord snapshot() {
        return new TransactionRecord(pnref, vendor, trxType, tender, amount, currency, custref, requestId, origId,
                acctLastFour, result, respmsg, TransactionState.of(this), time);
    }
}
