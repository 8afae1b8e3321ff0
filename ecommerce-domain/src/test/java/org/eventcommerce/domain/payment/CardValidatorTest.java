package org.eventcommerce.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.CardBrand;
import org.junit.jupiter.api.Test;

class CardValidatorTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);
    private static final List<CardBrand> ALL = List.of(CardBrand.VISA, CardBrand.MASTERCARD, CardBrand.AMEX,
            CardBrand.DISCOVER, CardBrand.DINERS, CardBrand.JCB);
    private static final List<CardBrand> VISA_MC = List.of(CardBrand.VISA, CardBrand.MASTERCARD);

    private static List<FieldError> errorsOf(Card card, List<CardBrand> accepted) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> CardValidator.validate(card, accepted, NOW));
        assertThat(e).as("expected a ValidationException").isNotNull();
        return e.errors();
    }

    @Test
    void validVisaReturnsItsBrand() {
        assertThat(CardValidator.validate(Card.of("4111 1111 1111 1111", "1230", "123", "Ann Smith"), VISA_MC, NOW))
                .isEqualTo(CardBrand.VISA);
    }

    @Test
    void eachPayPalTestCardPassesWithAllBrandsAccepted() {
        assertThat(CardValidator.validate(Card.of("5555555555554444", "0127", "123", null), ALL, NOW))
                .isEqualTo(CardBrand.MASTERCARD);
        assertThat(CardValidator.validate(Card.of("378282246310005", "0127", "1234", null), ALL, NOW))
                .isEqualTo(CardBrand.AMEX);
        assertThat(CardValidator.validate(Card.of("6011111111111117", "0127", "123", null), ALL, NOW))
                .isEqualTo(CardBrand.DISCOVER);
        assertThat(CardValidator.validate(Card.of("3530111333300000", "0127", "123", null), ALL, NOW))
                .isEqualTo(CardBrand.JCB);
        assertThat(CardValidator.validate(Card.of("30569309025904", "0127", "123", null), ALL, NOW))
                .isEqualTo(CardBrand.DINERS);
        assertThat(CardValidator.validate(Card.of("4222222222222", "0127", "123", null), ALL, NOW))
                .isEqualTo(CardBrand.VISA);
    }

    @Test
    void luhnFailureIsACardNumberError() {
        assertThat(errorsOf(Card.of("4111111111111112", "1230", "123", null), VISA_MC))
                .extracting(FieldError::field, FieldError::key)
                .containsExactly(tuple("card.number", "validation.card.number"));
    }

    @Test
    void nonDigitsOrWrongLengthAreACardNumberError() {
        assertThat(errorsOf(Card.of("4111x11111111111", "1230", "123", null), VISA_MC))
                .extracting(FieldError::key).containsExactly("validation.card.number");
        assertThat(errorsOf(Card.of("", "1230", "123", null), VISA_MC))
                .extracting(FieldError::key).containsExactly("validation.card.number");
        assertThat(errorsOf(Card.of("41111111112", "1230", "123", null), VISA_MC)) // Luhn-valid, 11 digits
                .extracting(FieldError::key).containsExactly("validation.card.number");
    }

    @Test
    void brandNotAcceptedIsABrandErrorOnTheNumber() {
        assertThat(errorsOf(Card.of("378282246310005", "1230", "1234", null), VISA_MC))
                .extracting(FieldError::field, FieldError::key)
                .containsExactly(tuple("card.number", "validation.card.brand"));
        assertThat(errorsOf(Card.of("3530111333300000", "1230", "123", null), VISA_MC))
                .extracting(FieldError::key).containsExactly("validation.card.brand");
    }

    @Test
    void luhnValidNumberOfNoKnownBrandIsABrandError() {
        assertThat(errorsOf(Card.of("9111111111111110", "1230", "123", null), ALL))
                .extracting(FieldError::field, FieldError::key)
                .containsExactly(tuple("card.number", "validation.card.brand"));
    }

    @Test
    void expiryInThePastIsExpired() {
        assertThat(errorsOf(Card.of("4111111111111111", "1026", "123", null), VISA_MC))
                .extracting(FieldError::field, FieldError::key)
                .containsExactly(tuple("card.expiry", "validation.card.expired"));
        assertThat(errorsOf(Card.of("4111111111111111", "1225", "123", null), VISA_MC))
                .extracting(FieldError::key).containsExactly("validation.card.expired");
    }

    @Test
    void expiryInTheCurrentMonthPasses() {
        assertThat(CardValidator.validate(Card.of("4111111111111111", "1126", "123", null), VISA_MC, NOW))
                .isEqualTo(CardBrand.VISA);
        assertThat(CardValidator.validate(Card.of("4111111111111111", "0127", "123", null), VISA_MC, NOW))
                .isEqualTo(CardBrand.VISA);
    }

    @Test
    void expiryFormatErrors() {
        for (String expiry : new String[] {"1330", "0026", "12/30", "130", "", "abcd"}) {
            assertThat(errorsOf(Card.of("4111111111111111", expiry, "123", null), VISA_MC))
                    .as(expiry)
                    .extracting(FieldError::field, FieldError::key)
                    .containsExactly(tuple("card.expiry", "validation.card.expiryFormat"));
        }
    }

    @Test
    void amexNeedsAFourDigitCvv() {
        List<FieldError> errors = errorsOf(Card.of("378282246310005", "1230", "123", null), ALL);
        assertThat(errors).extracting(FieldError::field, FieldError::key)
                .containsExactly(tuple("card.cvv", "validation.card.cvv"));
        assertThat(errors.get(0).args()).containsExactly(4);
        assertThat(CardValidator.validate(Card.of("378282246310005", "1230", "1234", null), ALL, NOW))
                .isEqualTo(CardBrand.AMEX);
    }

    @Test
    void otherBrandsNeedAThreeDigitCvv() {
        for (String cvv : new String[] {"1234", "12", "12a", null}) {
            List<FieldError> errors = errorsOf(Card.of("4111111111111111", "1230", cvv, null), VISA_MC);
            assertThat(errors).as(String.valueOf(cvv)).extracting(FieldError::field, FieldError::key)
                    .containsExactly(tuple("card.cvv", "validation.card.cvv"));
            assertThat(errors.get(0).args()).containsExactly(3);
        }
    }

    @Test
    void holderLongerThan60IsRefused() {
        assertThat(CardValidator.validate(Card.of("4111111111111111", "1230", "123", "h".repeat(60)), VISA_MC, NOW))
                .isEqualTo(CardBrand.VISA);
        List<FieldError> errors = errorsOf(Card.of("4111111111111111", "1230", "123", "h".repeat(61)), VISA_MC);
        assertThat(errors).extracting(FieldError::field, FieldError::key)
                .containsExactly(tuple("card.holder", "validation.length.max"));
        assertThat(errors.get(0).args()).containsExactly(60);
    }

    @Test
    void reportsEveryErrorAtOnce() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> CardValidator.validate(
                Card.of("4111111111111112", "1330", "12", "h".repeat(61)), VISA_MC, NOW));
        assertThat(e.errors()).extracting(FieldError::field, FieldError::key).containsExactly(
                tuple("card.number", "validation.card.number"),
                tuple("card.expiry", "validation.card.expiryFormat"),
                tuple("card.cvv", "validation.card.cvv"),
                tuple("card.holder", "validation.length.max"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.problemType()).isEqualTo("/problems/validation");
        assertThat(e.messageKey()).isEqualTo("error.validation");
        assertThat(e.getMessage()).contains("card.number: ", "card.expiry: ", "card.cvv: ", "card.holder: ");

        ValidationException expired = catchThrowableOfType(ValidationException.class, () -> CardValidator.validate(
                Card.of("378282246310005", "0126", "123", null), VISA_MC, NOW));
        assertThat(expired.errors()).extracting(FieldError::key).containsExactly(
                "validation.card.brand", "validation.card.expired", "validation.card.cvv");
    }

    @Test
    void cvvMessageNamesTheDigitCount() {
        FieldError cvv = errorsOf(Card.of("378282246310005", "1230", "123", null), ALL).get(0);
        assertThat(cvv.message(Locale.ENGLISH)).isNotEqualTo("validation.card.cvv").contains("4");
        assertThat(cvv.message(Locale.forLanguageTag("ro"))).isNotEqualTo("validation.card.cvv").contains("4");
    }

    @Test
    void currentMonthIsTakenInUtc() {
        // 23:30 in New York on 30 November is already 1 December in UTC
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T04:30:00Z"), ZoneId.of("America/New_York"));
        assertThat(CardValidator.currentMonth(clock)).isEqualTo(YearMonth.of(2026, 12));
        Clock tokyo = Clock.fixed(Instant.parse("2026-11-30T20:00:00Z"), ZoneId.of("Asia/Tokyo"));
        assertThat(CardValidator.currentMonth(tokyo)).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void theExpiryIsTakenAsTypedOnTheCardAndAsApiMdWritesIt() {
        // Fresh-user trial (issue 5): the API refused "12/30" with "Enter the expiry date as MM/YY, for example
        // 08/29"; the page and the API now read the same forms.
        assertThat(CardValidator.normalizeExpiry("12/30")).isEqualTo("1230");
        assertThat(CardValidator.normalizeExpiry("1230")).isEqualTo("1230");
        assertThat(CardValidator.normalizeExpiry("8/29")).isEqualTo("0829");
        assertThat(CardValidator.normalizeExpiry("08/2029")).isEqualTo("0829");
        assertThat(CardValidator.normalizeExpiry(" 08 - 29 ")).isEqualTo("0829");
        assertThat(CardValidator.normalizeExpiry("829")).isEqualTo("829");
        assertThat(CardValidator.normalizeExpiry("next year")).isEqualTo("next year");
        assertThat(CardValidator.normalizeExpiry(null)).isNull();
    }
}
