package org.eventcommerce.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;

/**
 * How a classic Express Checkout refund whose answer was lost twice is settled from GetTransactionDetails on the
 * original (PAYMENTSTATUS only; NVP-2013 "PaymentInfoType Fields").
 */
class FollowOnChannelsTest {

    private static final Money HUNDRED = Money.of("100.00", "USD");
    private static final Money ZERO = Money.of("0", "USD");

    private static Optional<PaymentStatus> settle(String status, String before, boolean others, String amount) {
        return FollowOnChannels.refundFromDetails(status, HUNDRED, Money.of(before, "USD"), others,
                Money.of(amount, "USD"));
    }

    @Test
    void refundedMeansTheRefundThatTakesTheRestWasMade() {
        assertThat(settle("Refunded", "0.00", false, "100.00")).contains(PaymentStatus.APPROVED);
        assertThat(settle("Refunded", "30.00", false, "70.00")).contains(PaymentStatus.APPROVED);
    }

    @Test
    void partiallyRefundedMeansTheFirstPartialRefundWasMade() {
        assertThat(settle("Partially_Refunded", "0.00", false, "30.00")).contains(PaymentStatus.APPROVED);
        assertThat(settle("partially_refunded", "0.00", false, "30.00")).contains(PaymentStatus.APPROVED);
    }

    @Test
    void anythingElseStaysUnknown() {
        // Completed: PayPal may still be making it; the amount stays taken for the reconciler.
        assertThat(settle("Completed", "0.00", false, "30.00")).isEmpty();
        // Refunded, but this refund does not take the rest: someone else refunded (e.g. in the PayPal account).
        assertThat(settle("Refunded", "0.00", false, "30.00")).isEmpty();
        // Partially refunded before: the status cannot tell whether this one was made.
        assertThat(settle("Partially_Refunded", "20.00", false, "30.00")).isEmpty();
        // Partially refunded, but this refund would have taken everything: it was not made as asked.
        assertThat(settle("Partially_Refunded", "0.00", false, "100.00")).isEmpty();
        // Another refund of the original is in flight: its outcome could explain the status.
        assertThat(settle("Refunded", "30.00", true, "70.00")).isEmpty();
        assertThat(FollowOnChannels.refundFromDetails(null, HUNDRED, ZERO, false, HUNDRED)).isEmpty();
    }

    @Test
    void aPaymentOfAnotherProviderIsRefusedPlainly() {
        org.eventcommerce.domain.site.CommerceConfiguration config =
                new org.eventcommerce.domain.site.CommerceConfiguration(null, java.time.Instant.EPOCH);
        // a new configuration is Payflow Pro
        FollowOnChannels.requireReachable(config, java.util.Set.of(ProviderType.PAYFLOW_PRO));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FollowOnChannels.requireReachable(config,
                        java.util.Set.of(ProviderType.EXPRESS_CHECKOUT_US)))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).problemType()).isEqualTo("/problems/refund-not-supported"));
    }
}
