package org.eventcommerce.payments.payflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * AMT is "exact to the cent with a . decimal point: 34.00 not 34, 1199.95 not 1,199.95" [PFP-2009 Table 4.1; §1.4],
 * whatever the JVM's locale (DESIGN.md "Money"); 0 decimals for JPY, HUF, TWD.
 */
class PayflowAmountFormatTest {

    private Locale defaultLocale;
    private Locale formatLocale;
    private Locale displayLocale;

    @BeforeEach
    void remember() {
        defaultLocale = Locale.getDefault();
        formatLocale = Locale.getDefault(Locale.Category.FORMAT);
        displayLocale = Locale.getDefault(Locale.Category.DISPLAY);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(defaultLocale);
        Locale.setDefault(Locale.Category.FORMAT, formatLocale);
        Locale.setDefault(Locale.Category.DISPLAY, displayLocale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ro-RO", "de-DE", "fr-FR", "en-US"})
    void dotAndTwoDecimalsWhateverTheLocale(String tag) {
        Locale.setDefault(Locale.forLanguageTag(tag));

        Money amount = new Money(new BigDecimal("1234.5"), Currency.getInstance("USD"));
        String body = NvpEncoder.encode(PayflowRequestBuilder.fields(
                PaymentRequest.capture(new Attempt("a", "A"), amount, "EFHP0D426A53"), PayflowTestData.CREDENTIALS));

        assertThat(amount.toPlainString()).isEqualTo("1234.50");
        assertThat(Money.of("1234567.8", "EUR").toPlainString()).isEqualTo("1234567.80");
        assertThat(Money.of("0.1", "GBP").toPlainString()).isEqualTo("0.10");
        assertThat(body).contains("&AMT[7]=1234.50&CURRENCY[3]=USD&");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JPY", "HUF", "TWD"})
    void noDecimalsForJpyHufTwd(String code) {
        Locale.setDefault(Locale.forLanguageTag("de-DE"));

        Money amount = Money.of("1500", code);
        String body = NvpEncoder.encode(PayflowRequestBuilder.fields(
                PaymentRequest.credit(new Attempt("a", "A"), amount, "EFHP0D426A53"), PayflowTestData.CREDENTIALS));

        assertThat(amount.toPlainString()).isEqualTo("1500");
        assertThat(Money.of("1500.00", code).toPlainString()).isEqualTo("1500");
        assertThat(body).contains("&AMT[4]=1500&CURRENCY[3]=" + code + "&");
    }

    @Test
    void yenWithDecimalsIsRefusedNotRounded() {
        assertThatThrownBy(() -> Money.of("1500.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }
}
