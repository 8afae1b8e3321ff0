package org.eventcommerce.payments.payflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.eventcommerce.payments.CardBrand;
import org.junit.jupiter.api.Test;

/** Website Payments Pro (UK) defaults, §2 (UK Website Payments Pro Developer's Guide 2007 pp.17, 26). */
class WebsitePaymentsProUkTest {

    @Test
    void partnerIsPayPalUkAndCurrencyGbp() {
        PayflowCredentials c = WebsitePaymentsProUk.credentials("ukvendor", null, "pw123456");

        assertThat(c.partner()).isEqualTo("PayPalUK");
        assertThat(c.user()).isEqualTo("ukvendor");
        assertThat(WebsitePaymentsProUk.DEFAULT_CURRENCY.getCurrencyCode()).isEqualTo("GBP");
    }

    @Test
    void currenciesAreTheSixOfTheUkGuide() {
        assertThat(WebsitePaymentsProUk.CURRENCIES).extracting(Currency::getCurrencyCode)
                .containsExactlyInAnyOrder("USD", "EUR", "GBP", "CAD", "JPY", "AUD");
        assertThat(WebsitePaymentsProUk.allows(Currency.getInstance("GBP"))).isTrue();
        assertThat(WebsitePaymentsProUk.allows(Currency.getInstance("CHF"))).isFalse();
    }

    @Test
    void brandsAreVisaDebitElectronAndMastercard() {
        assertThat(WebsitePaymentsProUk.CARD_BRANDS).containsExactly(CardBrand.VISA, CardBrand.VISA_DEBIT,
                CardBrand.VISA_ELECTRON, CardBrand.MASTERCARD);
    }
}
