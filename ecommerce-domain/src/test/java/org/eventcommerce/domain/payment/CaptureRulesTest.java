package org.eventcommerce.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;

class CaptureRulesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Money AUTHORIZED = Money.of("60.00", "USD");

    @Test
    void theWholeAuthorizationByDefaultOrLess() {
        assertThat(CaptureRules.amountToCapture(null, null, AUTHORIZED)).isEqualTo(AUTHORIZED);
        assertThat(CaptureRules.amountToCapture(new BigDecimal("60"), USD, AUTHORIZED)).isEqualTo(AUTHORIZED);
        assertThat(CaptureRules.amountToCapture(new BigDecimal("45.50"), USD, AUTHORIZED))
                .isEqualTo(Money.of("45.50", "USD"));
    }

    @Test
    void neverMoreThanAuthorized() {
        assertThatThrownBy(() -> CaptureRules.amountToCapture(new BigDecimal("60.01"), USD, AUTHORIZED))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.problemType()).isEqualTo("/problems/capture-exceeds-authorized");
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.arguments()).containsExactly("60.01", "60.00", "USD");
                });
    }

    @Test
    void inTheAuthorizationsCurrencyPositiveAndWithItsDecimals() {
        assertThatThrownBy(() -> CaptureRules.amountToCapture(new BigDecimal("10"), Currency.getInstance("CAD"),
                AUTHORIZED)).isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.problemType()).isEqualTo("/problems/currency-mismatch"));
        assertThatThrownBy(() -> CaptureRules.amountToCapture(BigDecimal.ZERO, USD, AUTHORIZED))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CaptureRules.amountToCapture(new BigDecimal("1.001"), USD, AUTHORIZED))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CaptureRules.amountToCapture(new BigDecimal("1.5"), Currency.getInstance("JPY"),
                Money.of("1000", "JPY"))).isInstanceOf(ValidationException.class);
    }
}
