package org.eventcommerce.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;

class PaymentRequestTest {

    private static final Attempt ATTEMPT = new Attempt("0123456789abcdef0123456789abcdef", "CR7QX2M4KP9A");
    private static final Money AMOUNT = Money.of("25", "USD");
    private static final Card CARD = Card.of("4111 1111 1111 1111", "1230", "123", "Ann Smith");

    @Test
    void sale() {
        PaymentRequest r = PaymentRequest.sale(ATTEMPT, AMOUNT, CARD, "note", "INV-1");
        assertThat(r.kind()).isEqualTo(TransactionKind.SALE);
        assertThat(r.kind().payflowTrxType()).isEqualTo("S");
        assertThat(r.attempt()).isSameAs(ATTEMPT);
        assertThat(r.amount()).isEqualTo(Money.of("25.00", "USD"));
        assertThat(r.card()).isSameAs(CARD);
        assertThat(r.originalReference()).isNull();
        assertThat(r.inquiryCustRef()).isNull();
        assertThat(r.comment()).isEqualTo("note");
        assertThat(r.invoiceNumber()).isEqualTo("INV-1");
    }

    @Test
    void authorization() {
        PaymentRequest r = PaymentRequest.authorization(ATTEMPT, AMOUNT, CARD, null, null);
        assertThat(r.kind()).isEqualTo(TransactionKind.AUTHORIZATION);
        assertThat(r.kind().payflowTrxType()).isEqualTo("A");
        assertThat(r.card()).isSameAs(CARD);
        assertThat(r.originalReference()).isNull();
    }

    @Test
    void captureVoidCreditReferToTheOriginal() {
        PaymentRequest capture = PaymentRequest.capture(ATTEMPT, AMOUNT, "AUTH1");
        assertThat(capture.kind()).isEqualTo(TransactionKind.CAPTURE);
        assertThat(capture.kind().payflowTrxType()).isEqualTo("D");
        assertThat(capture.originalReference()).isEqualTo("AUTH1");
        assertThat(capture.card()).isNull();

        PaymentRequest voided = PaymentRequest.voidOf(ATTEMPT, Money.zero(AMOUNT.currency()), "PNREF1");
        assertThat(voided.kind()).isEqualTo(TransactionKind.VOID);
        assertThat(voided.kind().payflowTrxType()).isEqualTo("V");
        assertThat(voided.originalReference()).isEqualTo("PNREF1");
        assertThat(voided.amount().currency().getCurrencyCode()).isEqualTo("USD");

        PaymentRequest credit = PaymentRequest.credit(ATTEMPT, Money.of("10", "USD"), "PNREF2");
        assertThat(credit.kind()).isEqualTo(TransactionKind.CREDIT);
        assertThat(credit.kind().payflowTrxType()).isEqualTo("C");
        assertThat(credit.originalReference()).isEqualTo("PNREF2");
        assertThat(credit.amount().toPlainString()).isEqualTo("10.00");
    }

    @Test
    void inquiries() {
        PaymentRequest byRef = PaymentRequest.inquiryByReference(ATTEMPT, AMOUNT, "PNREF3");
        assertThat(byRef.kind()).isEqualTo(TransactionKind.INQUIRY);
        assertThat(byRef.kind().payflowTrxType()).isEqualTo("I");
        assertThat(byRef.originalReference()).isEqualTo("PNREF3");
        assertThat(byRef.inquiryCustRef()).isNull();

        PaymentRequest byCustRef = PaymentRequest.inquiryByCustRef(ATTEMPT, AMOUNT, "OLDREF123456");
        assertThat(byCustRef.kind()).isEqualTo(TransactionKind.INQUIRY);
        assertThat(byCustRef.originalReference()).isNull();
        assertThat(byCustRef.inquiryCustRef()).isEqualTo("OLDREF123456");
    }

    @Test
    void factoriesRefuseMissingRequiredParts() {
        assertThatThrownBy(() -> PaymentRequest.sale(ATTEMPT, AMOUNT, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentRequest.authorization(ATTEMPT, AMOUNT, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentRequest.capture(ATTEMPT, AMOUNT, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentRequest.voidOf(ATTEMPT, AMOUNT, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentRequest.credit(ATTEMPT, AMOUNT, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentRequest.inquiryByReference(ATTEMPT, AMOUNT, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentRequest.inquiryByCustRef(ATTEMPT, AMOUNT, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentRequest.sale(null, AMOUNT, CARD, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PaymentRequest.sale(ATTEMPT, null, CARD, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PaymentRequest(null, ATTEMPT, AMOUNT, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNeverShowsTheCardNumberOrCvv() {
        Card card = Card.of("4111111111111111", "1230", "987", "Ann Smith");
        PaymentRequest r = PaymentRequest.sale(ATTEMPT, Money.of("1234.5", "USD"), card, null, null);
        String s = r.toString();
        assertThat(s).doesNotContain("4111111111111111").doesNotContain("411111").doesNotContain("987")
                .doesNotContain("Ann Smith");
        assertThat(s).contains("SALE").contains("1234.50 USD").contains("****1111").contains("CR7QX2M4KP9A");
        assertThat(PaymentRequest.credit(ATTEMPT, AMOUNT, "PNREF").toString()).doesNotContain("Card[");
    }
}
