package org.eventcommerce.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pure rules of {@link Discount}: percent rounding half-up to the minor unit, capping, currency, describe. */
class DiscountTest {

    private static Discount percent(String p) {
        return Discount.percent(new BigDecimal(p));
    }

    @ParameterizedTest(name = "{0} {1} at {2}% -> off {3}, total {4}")
    @CsvSource({
            // price,  currency, percent, expected off, expected total
            "12.50,    USD,      15,      1.88,         10.62",   // the issue's example: 1.875 -> 1.88
            "0.05,     USD,      50,      0.03,         0.02",    // 0.025 -> 0.03 (half-up)
            "0.15,     USD,      10,      0.02,         0.13",    // 0.015 -> 0.02
            "19.99,    USD,      33.33,   6.66,         13.33",   // 6.662667 -> 6.66
            "1.00,     USD,      0.5,     0.01,         0.99",    // 0.005 -> 0.01
            "0.01,     USD,      50,      0.01,         0.00",    // 0.005 -> 0.01, still capped at the price
            "12.50,    USD,      100,     12.50,        0.00",    // the whole price
            "0.01,     USD,      100,     0.01,         0.00",
            "100.00,   USD,      10,      10.00,        90.00",
            "99.99,    GBP,      12.5,    12.50,        87.49",   // 12.49875 -> 12.50
            "10.00,    CAD,      0.01,    0.00,         10.00",   // 0.001 -> 0.00
            "0.03,     USD,      50,      0.02,         0.01",    // 0.015 -> 0.02
            "999,      JPY,      15,      150,          849",     // 149.85 -> 150, 0 decimals
            "100,      JPY,      0.5,     1,            99",      // 0.5 -> 1
            "1,        JPY,      50,      1,            0",       // 0.5 -> 1, capped at the price
            "999,      JPY,      100,     999,          0",
    })
    void percentOffIsRoundedHalfUpToTheMinorUnitAndCapped(String price, String currency, String p,
                                                         String expectedOff, String expectedTotal) {
        Money listPrice = Money.of(price, currency);
        Money off = percent(p).off(listPrice);

        assertThat(off).isEqualTo(Money.of(expectedOff, currency));
        assertThat(off.amount().toPlainString()).isEqualTo(expectedOff);
        assertThat(listPrice.minus(off)).isEqualTo(Money.of(expectedTotal, currency));
        assertThat(listPrice.minus(off).amount().signum()).isNotNegative();
    }

    @Test
    void issueExampleExactStrings() {
        Money price = Money.of("12.50", "USD");
        Money off = percent("15").off(price);
        assertThat(off.toString()).isEqualTo("1.88 USD");
        assertThat(price.minus(off).toString()).isEqualTo("10.62 USD");
    }

    @Test
    void percentOfZeroPriceIsZero() {
        assertThat(percent("15").off(Money.of("0.00", "USD"))).isEqualTo(Money.of("0.00", "USD"));
    }

    @Test
    void jpyResultHasNoDecimals() {
        Money off = percent("15").off(Money.of("999", "JPY"));
        assertThat(off.amount().scale()).isZero();
        assertThat(off.toString()).isEqualTo("150 JPY");
    }

    @Test
    void fixedSmallerThanPriceIsTheAmount() {
        Money price = Money.of("25.00", "USD");
        Money off = Discount.fixed(Money.of("10.00", "USD")).off(price);
        assertThat(off).isEqualTo(Money.of("10.00", "USD"));
        assertThat(price.minus(off)).isEqualTo(Money.of("15.00", "USD"));
    }

    @Test
    void fixedLargerThanPriceIsCappedAtThePrice() {
        Money price = Money.of("7.50", "USD");
        Money off = Discount.fixed(Money.of("10.00", "USD")).off(price);

        assertThat(off).isEqualTo(price);
        Money total = price.minus(off);
        assertThat(total).isEqualTo(Money.of("0.00", "USD"));
        assertThat(total.toString()).isEqualTo("0.00 USD");
        assertThat(total.amount().signum()).isZero();
    }

    @Test
    void fixedEqualToPriceIsThePrice() {
        Money price = Money.of("10.00", "USD");
        assertThat(Discount.fixed(Money.of("10.00", "USD")).off(price)).isEqualTo(price);
    }

    @Test
    void fixedInAnotherCurrencyDoesNotApplyAndOffThrows() {
        Discount cad = Discount.fixed(Money.of("10.00", "CAD"));
        Money usdPrice = Money.of("25.00", "USD");

        assertThat(cad.appliesToCurrency(usdPrice)).isFalse();
        assertThatThrownBy(() -> cad.off(usdPrice)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appliesToCurrency() {
        assertThat(Discount.fixed(Money.of("10.00", "USD")).appliesToCurrency(Money.of("1.00", "USD"))).isTrue();
        assertThat(Discount.fixed(Money.of("10.00", "GBP")).appliesToCurrency(Money.of("1.00", "USD"))).isFalse();
        assertThat(percent("15").appliesToCurrency(Money.of("1.00", "USD"))).isTrue();
        assertThat(percent("15").appliesToCurrency(Money.of("999", "JPY"))).isTrue();
        assertThat(percent("15").appliesToCurrency(Money.of("10.00", "CAD"))).isTrue();
    }

    @Test
    void describeFixed() {
        assertThat(Discount.fixed(Money.of("10.00", "USD")).describe()).isEqualTo("10.00 USD");
        assertThat(Discount.fixed(Money.of("10", "USD")).describe()).isEqualTo("10.00 USD");
        assertThat(Discount.fixed(Money.of("5.50", "CAD")).describe()).isEqualTo("5.50 CAD");
    }

    @Test
    void describePercent() {
        assertThat(percent("15").describe()).isEqualTo("15%");
        assertThat(percent("15.00").describe()).isEqualTo("15%");
        assertThat(percent("15.0000").describe()).isEqualTo("15%");
        assertThat(percent("12.5").describe()).isEqualTo("12.5%");
        assertThat(percent("12.50").describe()).isEqualTo("12.5%");
        assertThat(percent("100").describe()).isEqualTo("100%");
        assertThat(percent("100.00").describe()).isEqualTo("100%");
        assertThat(percent("10.00").describe()).isEqualTo("10%");
        assertThat(percent("33.33").describe()).isEqualTo("33.33%");
        assertThat(percent("0.5").describe()).isEqualTo("0.5%");
    }

    @Test
    void factoriesAndRequiredParts() {
        Discount f = Discount.fixed(Money.of("10.00", "USD"));
        assertThat(f.type()).isEqualTo(Discount.Type.FIXED);
        assertThat(f.percent()).isNull();
        Discount p = percent("15");
        assertThat(p.type()).isEqualTo(Discount.Type.PERCENT);
        assertThat(p.amount()).isNull();

        assertThatThrownBy(() -> new Discount(null, null, BigDecimal.TEN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Discount.fixed(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Discount.percent(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void exactPercentScalesToTwoDecimalsWithoutRounding() {
        assertThat(Discount.exactPercent(new BigDecimal("15")).toPlainString()).isEqualTo("15.00");
        assertThat(Discount.exactPercent(new BigDecimal("12.5")).toPlainString()).isEqualTo("12.50");
        assertThat(Discount.exactPercent(new BigDecimal("15.0000")).toPlainString()).isEqualTo("15.00");
        assertThatThrownBy(() -> Discount.exactPercent(new BigDecimal("12.345")))
                .isInstanceOf(ArithmeticException.class);
    }
}
