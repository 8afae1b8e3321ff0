package org.eventcommerce.payments.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md "Money": PayPal's scale per currency, half-up rounding, no mixing, a locale-free wire form. */
class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    private Locale savedLocale;

    @BeforeEach
    void saveLocale() {
        savedLocale = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedLocale);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} (scale {3})")
    @CsvSource({
            "10,      USD, 10.00,   2",
            "3.5,     EUR, 3.50,    2",
            "0.1,     GBP, 0.10,    2",
            "7,       CAD, 7.00,    2",
            "1000,    JPY, 1000,    0",
            "1500,    HUF, 1500,    0",
            "300,     TWD, 300,     0",
            "100.00,  HUF, 100,     0",
            "25.000,  USD, 25.00,   2",
            "1E+3,    USD, 1000.00, 2"
    })
    void holdsTheScalePayPalAcceptsForTheCurrency(String amount, String code, String plain, int scale) {
        Money m = Money.of(amount, code);
        assertThat(m.amount().scale()).isEqualTo(scale);
        assertThat(m.toPlainString()).isEqualTo(plain);
        assertThat(m.currency().getCurrencyCode()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
            "10.001, USD",
            "0.005,  EUR",
            "5.5,    JPY",
            "1.50,   HUF",
            "99.9,   TWD"
    })
    void refusesMoreDecimalsThanTheCurrencyAllowsInsteadOfRounding(String amount, String code) {
        assertThatThrownBy(() -> Money.of(amount, code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(amount)
                .hasMessageContaining(code);
    }

    @Test
    void refusesNullParts() {
        assertThatThrownBy(() -> new Money(null, USD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalAmountsWrittenWithDifferentScalesAreEqual() {
        assertThat(Money.of("10", "USD")).isEqualTo(Money.of("10.00", "USD"));
        assertThat(Money.of("10", "USD").hashCode()).isEqualTo(Money.of("10.000", "USD").hashCode());
        assertThat(Money.of("10", "USD")).isNotEqualTo(Money.of("10", "EUR"));
    }

    @ParameterizedTest(name = "rounded({0} {1}) = {2}")
    @CsvSource({
            "0.005,   USD, 0.01",
            "0.004,   USD, 0.00",
            "2.675,   USD, 2.68",
            "2.665,   EUR, 2.67",
            "2.674,   USD, 2.67",
            "-0.005,  USD, -0.01",
            "19.9949, USD, 19.99",
            "5.5,     JPY, 6",
            "4.4,     JPY, 4",
            "1499.5,  HUF, 1500",
            "12.34,   USD, 12.34"
    })
    void roundsHalfUpToTheMinorUnit(String amount, String code, String expected) {
        Money m = Money.rounded(new BigDecimal(amount), Currency.getInstance(code));
        assertThat(m.toPlainString()).isEqualTo(expected);
    }

    @Test
    void roundingADoubleShowsWhyAmountsAreBuiltFromStrings() {
        // 2.675 as a double is 2.67499999999999982236431605997495353221893310546875
        assertThat(Money.rounded(new BigDecimal(2.675), USD).toPlainString()).isEqualTo("2.67");
        assertThat(Money.rounded(new BigDecimal("2.675"), USD).toPlainString()).isEqualTo("2.68");
    }

    @Test
    void addsAndSubtractsExactly() {
        assertThat(Money.of("0.10", "USD").plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
        assertThat(Money.of("25.00", "USD").minus(Money.of("5.50", "USD")).toPlainString()).isEqualTo("19.50");
        assertThat(Money.of("1000", "JPY").plus(Money.of("500", "JPY")).toPlainString()).isEqualTo("1500");
        assertThat(Money.of("5", "USD").minus(Money.of("7.25", "USD")).toPlainString()).isEqualTo("-2.25");
    }

    @Test
    void minAndCompareTo() {
        Money five = Money.of("5", "USD");
        Money ten = Money.of("10", "USD");
        assertThat(five.min(ten)).isSameAs(five);
        assertThat(ten.min(five)).isSameAs(five);
        assertThat(five.min(Money.of("5.00", "USD"))).isEqualTo(five);
        assertThat(five.compareTo(ten)).isNegative();
        assertThat(ten.compareTo(five)).isPositive();
        assertThat(five.compareTo(Money.of("5.00", "USD"))).isZero();
    }

    @Test
    void refusesToMixCurrencies() {
        Money usd = Money.of("10", "USD");
        Money eur = Money.of("10", "EUR");
        assertThatThrownBy(() -> usd.plus(eur)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> usd.minus(eur)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd.min(eur)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd.compareTo(eur)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.zero(JPY).plus(Money.zero(USD))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "default locale {0}")
    @ValueSource(strings = {"ro-RO", "de-DE", "fr-FR", "hi-IN", "ar-EG", "en-US"})
    void plainStringNeverGroupsNorUsesTheLocale(String tag) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        assertThat(Money.of("1234.5", "USD").toPlainString()).isEqualTo("1234.50");
        assertThat(Money.of("1234567.89", "EUR").toPlainString()).isEqualTo("1234567.89");
        assertThat(Money.of("1234567", "JPY").toPlainString()).isEqualTo("1234567");
        assertThat(Money.of("0.07", "USD").toPlainString()).isEqualTo("0.07");
        assertThat(Money.of("1E+6", "USD").toPlainString()).isEqualTo("1000000.00");
        assertThat(Money.of("1234.5", "USD").toString()).isEqualTo("1234.50 USD");
        assertThat(Money.of("1234.5", "USD").toPlainString()).doesNotContain(",", " ", "\u00a0", "\u202f", "+");
    }

    @Test
    void zeroHasTheCurrencyScale() {
        assertThat(Money.zero(USD).toPlainString()).isEqualTo("0.00");
        assertThat(Money.zero(JPY).toPlainString()).isEqualTo("0");
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(Money.zero(EUR).isPositive()).isFalse();
        assertThat(Money.zero(USD)).isEqualTo(Money.of("0", "USD"));
        assertThat(Money.of("0.00", "USD").isZero()).isTrue();
    }

    @Test
    void isPositive() {
        assertThat(Money.of("0.01", "USD").isPositive()).isTrue();
        assertThat(Money.of("1", "JPY").isPositive()).isTrue();
        assertThat(Money.of("-0.01", "USD").isPositive()).isFalse();
        assertThat(Money.of("-0.01", "USD").isZero()).isFalse();
        assertThat(Money.of("0.01", "USD").isZero()).isFalse();
    }
}
