package org.eventcommerce.domain.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eventcommerce.domain.payment.reconcile.Disagreement.Kind;
import org.eventcommerce.domain.payment.reconcile.InquiryVerdict.Outcome;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;

/**
 * What an inquiry allows us to record (issue 5): answers shaped as the Payflow connector maps an inquiry by CUSTREF
 * [PFP-2009 pp.38-40; §1.8] and as GetTransactionDetails maps to a result.
 */
class InquiryVerdictTest {

    private static final Money USD_25 = Money.of("25.00", "USD");
    private static final Disagreement.Ours PENDING_SALE = new Disagreement.Ours(TransactionKind.SALE, USD_25, null,
            PaymentStatus.UNKNOWN);

    private static PaymentResult found(PaymentStatus original, String origResult, String amount, String pnref) {
        return new PaymentResult(PaymentStatus.APPROVED, "0", "Approved", pnref, "010101",
                amount == null ? null : Money.of(amount, "USD"), false, original,
                Map.of("ORIGRESULT", origResult, "ORIGPNREF", pnref));
    }

    @Test
    void anApprovedAttemptWithOurAmountSettlesAsApproved() {
        InquiryVerdict v = InquiryVerdict.of(PENDING_SALE, found(PaymentStatus.APPROVED, "0", "25.00",
                "EFHP0D426A53"));

        assertThat(v.outcome()).isEqualTo(Outcome.SETTLE);
        assertThat(v.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(v.reference()).isEqualTo("EFHP0D426A53");
        assertThat(v.resultCode()).isEqualTo("0");
        assertThat(v.message()).isEqualTo("Settled by inquiry: Approved");
        assertThat(v.disagreements()).isEmpty();
    }

    @Test
    void aDeclineOrAHoldSettlesAsSuch() {
        assertThat(InquiryVerdict.of(PENDING_SALE, found(PaymentStatus.DECLINED, "12", null, "EFHP0D426A53"))
                .status()).isEqualTo(PaymentStatus.DECLINED);
        InquiryVerdict held = InquiryVerdict.of(PENDING_SALE, found(PaymentStatus.HELD, "126", "25.00", "X"));
        assertThat(held.outcome()).isEqualTo(Outcome.SETTLE);
        assertThat(held.status()).isEqualTo(PaymentStatus.HELD);
    }

    @Test
    void anotherAmountSettlesNothingAndIsADisagreement() {
        InquiryVerdict v = InquiryVerdict.of(PENDING_SALE, found(PaymentStatus.APPROVED, "0", "99.00", "EFHP0D426A53"));

        assertThat(v.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(v.status()).isNull();
        assertThat(v.disagreements()).containsExactly(new Disagreement(Kind.AMOUNT, "25.00 USD", "99.00 USD"));
        assertThat(v.message()).contains("amount: ours 25.00 USD, the provider's 99.00 USD");
    }

    @Test
    void anApprovalWithoutAmountCannotBeMatched() {
        InquiryVerdict v = InquiryVerdict.of(PENDING_SALE, found(PaymentStatus.APPROVED, "0", null, "EFHP0D426A53"));

        assertThat(v.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(v.disagreements()).containsExactly(new Disagreement(Kind.AMOUNT, "25.00 USD", "(none)"));
    }

    @Test
    void anotherCurrencyIsADisagreement() {
        PaymentResult r = new PaymentResult(PaymentStatus.APPROVED, null, "Completed", "9XK12345AB6789012", null,
                Money.of("25.00", "CAD"), false, PaymentStatus.APPROVED, Map.of("CURRENCYCODE", "CAD"));

        InquiryVerdict v = InquiryVerdict.of(PENDING_SALE, r);

        assertThat(v.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(v.disagreements()).containsExactly(new Disagreement(Kind.CURRENCY, "USD", "CAD"));
    }

    @Test
    void anotherReferenceThanTheOneRecordedIsADisagreement() {
        Disagreement.Ours held = new Disagreement.Ours(TransactionKind.SALE, USD_25, "EFHP0D426A53",
                PaymentStatus.HELD);

        InquiryVerdict v = InquiryVerdict.of(held, found(PaymentStatus.APPROVED, "0", "25.00", "EZZZZZZZZZZZ"));

        assertThat(v.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(v.disagreements()).containsExactly(new Disagreement(Kind.REFERENCE, "EFHP0D426A53",
                "EZZZZZZZZZZZ"));
    }

    @Test
    void aStatusRecordedAsFinalThatTheInquiryContradictsIsSettledAndReported() {
        Disagreement.Ours cancelled = new Disagreement.Ours(TransactionKind.SALE, USD_25, null,
                PaymentStatus.DECLINED);

        InquiryVerdict v = InquiryVerdict.of(cancelled, found(PaymentStatus.APPROVED, "0", "25.00", "EFHP0D426A53"));

        assertThat(v.outcome()).as("the money moved: the provider is the truth").isEqualTo(Outcome.SETTLE);
        assertThat(v.status()).isEqualTo(PaymentStatus.APPROVED);
        assertThat(v.disagreements()).containsExactly(new Disagreement(Kind.STATUS, "DECLINED", "APPROVED"));
    }

    @Test
    void aVoidIsNotCheckedForItsAmount() {
        Disagreement.Ours voiding = new Disagreement.Ours(TransactionKind.VOID, USD_25, null, PaymentStatus.UNKNOWN);

        InquiryVerdict v = InquiryVerdict.of(voiding, found(PaymentStatus.APPROVED, "0", null, "EFHP0D426A99"));

        assertThat(v.outcome()).isEqualTo(Outcome.SETTLE);
    }

    @Test
    void noCustomerReferenceOrTransactionIsNotFound() {
        PaymentResult custref = new PaymentResult(PaymentStatus.DECLINED, "20", "Cannot find customer reference",
                "EQRB8A32CD69", null, null, false, null, Map.of());
        PaymentResult pnref = new PaymentResult(PaymentStatus.DECLINED, "19", "Original transaction ID not found",
                null, null, null, false, null, Map.of());
        PaymentResult paypal = new PaymentResult(PaymentStatus.DECLINED, "10004", "The transaction id is not valid",
                null, null, null, false, null, Map.of());

        assertThat(InquiryVerdict.of(PENDING_SALE, custref).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(InquiryVerdict.of(PENDING_SALE, pnref).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(InquiryVerdict.of(PENDING_SALE, paypal).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void noAnswerARefusedInquiryOrAnAmbiguousOriginalDecideNothing() {
        PaymentResult lost = PaymentResult.unknown("no answer from Payflow after sending: HttpTimeoutException");
        PaymentResult refused = new PaymentResult(PaymentStatus.DECLINED, "1", "User authentication failed", null,
                null, null, false, null, Map.of());
        PaymentResult ambiguous = found(PaymentStatus.UNKNOWN, "104", "25.00", "EFHP0D426A53");

        assertThat(InquiryVerdict.of(PENDING_SALE, lost).outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(InquiryVerdict.of(PENDING_SALE, refused).outcome()).isEqualTo(Outcome.UNDECIDED);
        InquiryVerdict v = InquiryVerdict.of(PENDING_SALE, ambiguous);
        assertThat(v.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(v.message()).isEqualTo("The provider does not know the outcome yet (result 104)");
    }

    @Test
    void aRefundIsComparedWithoutItsSign() {
        Disagreement.Ours refund = new Disagreement.Ours(TransactionKind.CREDIT, Money.of("10.00", "USD"),
                "3RF12345AB6789012", PaymentStatus.HELD);
        PaymentResult details = new PaymentResult(PaymentStatus.APPROVED, null, "Completed", "3RF12345AB6789012",
                null, Money.of("-10.00", "USD"), false, PaymentStatus.APPROVED, Map.of("CURRENCYCODE", "USD"));

        assertThat(InquiryVerdict.of(refund, details).outcome()).isEqualTo(Outcome.SETTLE);
    }
}
