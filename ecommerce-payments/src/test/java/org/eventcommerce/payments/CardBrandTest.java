package org.eventcommerce.payments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardBrandTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // PayPal's test cards
            "4111111111111111, VISA",
            "4222222222222,    VISA",
            "5555555555554444, MASTERCARD",
            "378282246310005,  AMEX",
            "6011111111111117, DISCOVER",
            "3530111333300000, JCB",
            "30569309025904,   DINERS",
            // further well-known test numbers and range edges
            "4012888888881881, VISA",
            "5105105105105100, MASTERCARD",
            "2221000000000009, MASTERCARD",
            "2720990000000000, MASTERCARD",
            "2720999999999999, MASTERCARD",
            "371449635398431,  AMEX",
            "341111111111111,  AMEX",
            "6011000990139424, DISCOVER",
            "6500000000000002, DISCOVER",
            "6445000000000000, DISCOVER",
            "6221260000000000, DISCOVER",
            "3566002020360505, JCB",
            "3589000000000000, JCB",
            "38520000023237,   DINERS",
            "36000000000008,   DINERS",
            "30950000000000,   DINERS"
    })
    void detectsTheBrand(String number, CardBrand brand) {
        assertThat(CardBrand.detect(number)).contains(brand);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "9111111111111111",  // unknown prefix
            "1234567890123",     // unknown prefix
            "7000000000000000",  // unknown prefix
            "2721000000000000",  // just above the Mastercard 2-series (222100-272099)
            "2220990000000000",  // just below it
            "411111111111111",   // Visa prefix, 15 digits
            "555555555555444",   // Mastercard prefix, 15 digits
            "3782822463100050",  // Amex prefix, 16 digits
            "4111",              // too short
            "4111-1111-1111-1111",
            "4111a11111111111"
    })
    void unknownOrMalformedIsEmpty(String number) {
        assertThat(CardBrand.detect(number)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullAndEmptyAreEmpty(String number) {
        assertThat(CardBrand.detect(number)).isEmpty();
    }

    @Test
    void everyPayPalTestCardHasABrand() {
        for (String number : CardTest.PAYPAL_TEST_CARDS) {
            assertThat(CardBrand.detect(number)).as(number).isPresent();
        }
    }
}
