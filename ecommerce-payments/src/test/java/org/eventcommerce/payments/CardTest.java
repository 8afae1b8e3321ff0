package org.eventcommerce.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardTest {

    /** PayPal's published test card numbers (Payflow Pro developer's guide, "Credit card numbers for testing"). */
    static final String[] PAYPAL_TEST_CARDS = {
            "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
            "3530111333300000", "30569309025904", "4222222222222"
    };

    private static Card card(String number) {
        return new Card(number, "1230", "123", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
            "3530111333300000", "30569309025904", "4222222222222",
            "5105105105105100", "4012888888881881", "371449635398431", "38520000023237",
            "4111111111111111110"})
    void luhnAcceptsValidNumbers(String number) {
        assertThat(card(number).passesLuhn()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "4111111111111112", "5555555555554445", "378282246310006", "6011111111111118",
            "30569309025905", "4222222222223",
            "41111111112",            // Luhn-valid, but 11 digits
            "41111111111111111115",   // Luhn-valid, but 20 digits
            "4111 1111 1111 1111",    // not digits only (the constructor keeps spaces)
            "4111a11111111111", "", "0000"})
    void luhnRefusesBadNumbers(String number) {
        assertThat(card(number).passesLuhn()).isFalse();
    }

    @Test
    void ofStripsSpacesAndDashesAndTrims() {
        Card c = Card.of(" 4111 1111-1111\t1111 ", " 1230 ", " 123 ", "Ann Smith");
        assertThat(c.number()).isEqualTo("4111111111111111");
        assertThat(c.expiry()).isEqualTo("1230");
        assertThat(c.cvv()).isEqualTo("123");
        assertThat(c.holder()).isEqualTo("Ann Smith");
        assertThat(c.passesLuhn()).isTrue();
        assertThat(Card.of("3782-822463-10005", "0130", null, null).number()).isEqualTo("378282246310005");
    }

    @Test
    void ofTurnsMissingInputIntoEmptyOrNull() {
        Card c = Card.of(null, null, "   ", null);
        assertThat(c.number()).isEmpty();
        assertThat(c.expiry()).isEmpty();
        assertThat(c.cvv()).isNull();
        assertThat(c.passesLuhn()).isFalse();
        assertThat(c.expiryMonth()).isNull();
    }

    @Test
    void constructorRequiresNumberAndExpiry() {
        assertThatThrownBy(() -> new Card(null, "1230", null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Card("4111111111111111", null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void lastFour() {
        assertThat(card("4111111111111111").lastFour()).isEqualTo("1111");
        assertThat(card("378282246310005").lastFour()).isEqualTo("0005");
        assertThat(card("5555555555554444").lastFour()).isEqualTo("4444");
        assertThat(card("123").lastFour()).isEqualTo("123");
        assertThat(card("").lastFour()).isEmpty();
    }

    @Test
    void expiryMonthReadsMmYy() {
        assertThat(new Card("4111111111111111", "1230", null, null).expiryMonth()).isEqualTo(YearMonth.of(2030, 12));
        assertThat(new Card("4111111111111111", "0198", null, null).expiryMonth()).isEqualTo(YearMonth.of(2098, 1));
        assertThat(new Card("4111111111111111", "0929", null, null).expiryMonth()).isEqualTo(YearMonth.of(2029, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0098", "1330", "130", "12/30", "12300", "ab30", "", "1 30"})
    void expiryMonthIsNullWhenNotMmYy(String expiry) {
        // "0098": month 00 does not exist; "1330": month 13 does not exist
        assertThat(new Card("4111111111111111", expiry, null, null).expiryMonth()).isNull();
    }

    @Test
    void toStringShowsBrandAndLastFourOnly() {
        for (String number : PAYPAL_TEST_CARDS) {
            Card c = Card.of(number, "1230", "987", "Ann Smith");
            String s = c.toString();
            assertThat(s).doesNotContain(number)
                    .doesNotContain(number.substring(0, 6))
                    .doesNotContain("987")
                    .doesNotContain("Ann Smith")
                    .contains("****" + number.substring(number.length() - 4));
        }
        assertThat(Card.of("4111111111111111", "1230", "987", null).toString()).isEqualTo("Card[VISA ****1111]");
        assertThat(Card.of("378282246310005", "1230", "9876", null).toString()).isEqualTo("Card[AMEX ****0005]");
        assertThat(Card.of("9111111111111111", "1230", null, null).toString()).isEqualTo("Card[UNKNOWN ****1111]");
    }
}
