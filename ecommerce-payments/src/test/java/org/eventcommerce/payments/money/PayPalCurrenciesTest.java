package org.eventcommerce.payments.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayPalCurrenciesTest {

    @ParameterizedTest(name = "{0} -> {1} decimals")
    @CsvSource({
            "USD, 2", "EUR, 2", "GBP, 2", "CAD, 2", "AUD, 2", "CHF, 2", "PLN, 2", "CZK, 2",
            "JPY, 0", "HUF, 0", "TWD, 0"
    })
    void decimalsOnPayPalsWire(String code, int decimals) {
        assertThat(PayPalCurrencies.decimals(Currency.getInstance(code))).isEqualTo(decimals);
    }

    @Test
    void hufAndTwdHaveNoDecimalsAlthoughIso4217GivesThemTwo() {
        assertThat(Currency.getInstance("HUF").getDefaultFractionDigits()).isEqualTo(2);
        assertThat(Currency.getInstance("TWD").getDefaultFractionDigits()).isEqualTo(2);
        assertThat(PayPalCurrencies.decimals(Currency.getInstance("HUF"))).isZero();
        assertThat(PayPalCurrencies.decimals(Currency.getInstance("TWD"))).isZero();
    }

    @Test
    void pseudoCurrencyWithoutMinorUnitGetsZeroNotMinusOne() {
        assertThat(Currency.getInstance("XAU").getDefaultFractionDigits()).isEqualTo(-1);
        assertThat(PayPalCurrencies.decimals(Currency.getInstance("XAU"))).isZero();
    }
}
