package org.eventcommerce.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.order.OrderStatus;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;

/** The refund arithmetic and rules (issue 4): remainder, partial then full, exceeding, currency, decimals. */
class RefundRulesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static RefundRules.Refundable usd(String captured, String refunded, String inFlight) {
        return new RefundRules.Refundable(Money.of(captured, "USD"), Money.of(refunded, "USD"),
                Money.of(inFlight, "USD"));
    }

    private static String problem(Throwable t) {
        return ((BusinessException) t).problemType();
    }

    @Test
    void theRemainderIsCapturedLessRefundedLessRefundsInFlight() {
        assertThat(usd("100.00", "0.00", "0.00").remainder()).isEqualTo(Money.of("100.00", "USD"));
        assertThat(usd("100.00", "30.00", "0.00").remainder()).isEqualTo(Money.of("70.00", "USD"));
        assertThat(usd("100.00", "30.00", "20.00").remainder()).isEqualTo(Money.of("50.00", "USD"));
        assertThat(usd("100.00", "60.00", "40.00").remainder().isZero()).isTrue();
    }

    @Test
    void anAbsentAmountRefundsTheWholeRemainder() {
        assertThat(RefundRules.amountToRefund(null, null, usd("49.90", "10.00", "0.00")))
                .isEqualTo(Money.of("39.90", "USD"));
    }

    @Test
    void partialRefundsThenTheRestEndFullyRefunded() {
        Money captured = Money.of("100.00", "USD");
        Money first = RefundRules.amountToRefund(new BigDecimal("30.00"), USD, usd("100.00", "0.00", "0.00"));
        assertThat(RefundRules.statusAfterRefund(captured, first)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        Money second = RefundRules.amountToRefund(new BigDecimal("25"), USD, usd("100.00", "30.00", "0.00"));
        assertThat(second).isEqualTo(Money.of("25.00", "USD"));
        Money refunded = first.plus(second);
        assertThat(RefundRules.statusAfterRefund(captured, refunded)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        Money rest = RefundRules.amountToRefund(null, null, usd("100.00", "55.00", "0.00"));
        assertThat(rest).isEqualTo(Money.of("45.00", "USD"));
        assertThat(RefundRules.statusAfterRefund(captured, refunded.plus(rest))).isEqualTo(OrderStatus.REFUNDED);
        assertThat(RefundRules.statusAfterRefund(captured, Money.zero(USD))).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void moreThanTheRemainderIsRefusedCountingRefundsInFlight() {
        assertThatThrownBy(() -> RefundRules.amountToRefund(new BigDecimal("100.01"), USD,
                usd("100.00", "0.00", "0.00"))).satisfies(t -> assertThat(problem(t))
                .isEqualTo("/problems/refund-exceeds-refundable"));
        // A refund of the whole amount still in flight leaves nothing for a second one.
        assertThatThrownBy(() -> RefundRules.amountToRefund(new BigDecimal("0.01"), USD,
                usd("100.00", "0.00", "100.00"))).satisfies(t -> assertThat(problem(t))
                .isEqualTo("/problems/refund-exceeds-refundable"));
        assertThatThrownBy(() -> RefundRules.amountToRefund(null, null, usd("100.00", "100.00", "0.00")))
                .satisfies(t -> assertThat(((BusinessException) t).messageKey()).isEqualTo("error.refund.nothingLeft"));
        // Exactly the remainder is fine.
        assertThat(RefundRules.amountToRefund(new BigDecimal("50.00"), USD, usd("100.00", "25.00", "25.00")))
                .isEqualTo(Money.of("50.00", "USD"));
    }

    @Test
    void anotherCurrencyThanThePaymentsIsRefused() {
        assertThatThrownBy(() -> RefundRules.amountToRefund(new BigDecimal("10.00"), Currency.getInstance("CAD"),
                usd("100.00", "0.00", "0.00"))).satisfies(t -> {
                    assertThat(problem(t)).isEqualTo("/problems/currency-mismatch");
                    assertThat(((BusinessException) t).status()).isEqualTo(422);
                });
    }

    @Test
    void theAmountIsPositiveWithTheCurrencysDecimals() {
        assertThatThrownBy(() -> RefundRules.amountToRefund(BigDecimal.ZERO, USD, usd("100.00", "0.00", "0.00")))
                .isInstanceOf(ValidationException.class)
                .satisfies(t -> assertThat(((ValidationException) t).errors().get(0).field()).isEqualTo("amount.amount"));
        assertThatThrownBy(() -> RefundRules.amountToRefund(new BigDecimal("-1.00"), USD,
                usd("100.00", "0.00", "0.00"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RefundRules.amountToRefund(new BigDecimal("10.005"), USD,
                usd("100.00", "0.00", "0.00"))).isInstanceOf(ValidationException.class)
                .satisfies(t -> assertThat(((ValidationException) t).errors().get(0).key())
                        .isEqualTo("validation.amount.decimals"));
        // Trailing zeros beyond the decimals are the same amount.
        assertThat(RefundRules.amountToRefund(new BigDecimal("10.000"), USD, usd("100.00", "0.00", "0.00")))
                .isEqualTo(Money.of("10.00", "USD"));
        // PayPal takes no decimals for JPY.
        RefundRules.Refundable yen = new RefundRules.Refundable(Money.of("1500", "JPY"), Money.zero(JPY),
                Money.zero(JPY));
        assertThatThrownBy(() -> RefundRules.amountToRefund(new BigDecimal("100.5"), JPY, yen))
                .isInstanceOf(ValidationException.class);
        assertThat(RefundRules.amountToRefund(new BigDecimal("100"), JPY, yen)).isEqualTo(Money.of("100", "JPY"));
    }

    @Test
    void onlyPaidOrdersCanBeRefunded() {
        RefundRules.requireRefundableStatus(OrderStatus.PAID);
        RefundRules.requireRefundableStatus(OrderStatus.PARTIALLY_REFUNDED);
        for (OrderStatus s : new OrderStatus[] {OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLED,
                OrderStatus.EXPIRED}) {
            assertThatThrownBy(() -> RefundRules.requireRefundableStatus(s))
                    .satisfies(t -> assertThat(problem(t)).isEqualTo("/problems/order-not-paid"));
        }
        assertThatThrownBy(() -> RefundRules.requireRefundableStatus(OrderStatus.REFUNDED))
                .satisfies(t -> assertThat(problem(t)).isEqualTo("/problems/refund-exceeds-refundable"));
    }

    @Test
    void aHeldPaymentMayBeAcceptedOnlyOncePayPalReportsItApprovedOrSettling() {
        // Still under review: ORIGRESULT 126, TRANSSTATE 3 (authorized) [PFP-2009 Appendix D].
        assertThat(HeldPaymentService.showsAccepted(PaymentStatus.HELD, 3)).isFalse();
        assertThat(HeldPaymentService.showsAccepted(PaymentStatus.HELD, null)).isFalse();
        assertThat(HeldPaymentService.showsAccepted(PaymentStatus.APPROVED, null)).isTrue();
        for (int settling : new int[] {6, 7, 8, 9}) {
            assertThat(HeldPaymentService.showsAccepted(PaymentStatus.HELD, settling)).isTrue();
        }
        // Voided (+1000) never.
        assertThat(HeldPaymentService.showsAccepted(PaymentStatus.DECLINED, 1003)).isFalse();
        assertThat(HeldPaymentService.showsAccepted(PaymentStatus.APPROVED, 1008)).isFalse();
    }
}
