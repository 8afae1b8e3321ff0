package org.eventcommerce.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void aCurrencyNotSupportedNamesTheProviderInTheReadersLanguage() {
        // Fresh-user trial (issue 5): the attendee read "(PAYFLOW_PRO)", in English and in Romanian.
        BusinessException e = Problems.currencyNotSupported("JPY", "PAYFLOW_PRO");
        assertThat(Messages.format(Locale.ENGLISH, e.messageKey(), e.arguments())).isEqualTo(
                "The currency JPY is not accepted by the configured payment provider (PayPal Payflow Pro).");
        assertThat(Messages.format(Locale.forLanguageTag("ro"), e.messageKey(), e.arguments()))
                .endsWith("(PayPal Payflow Pro).").startsWith("Moneda JPY");
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.problemType()).isEqualTo("/problems/currency-not-supported");
    }
}
