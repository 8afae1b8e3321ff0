package org.eventcommerce.domain.payment;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.CardBrand;

/**
 * Checks card input before any provider call: digits and Luhn, a brand the site accepts, an expiry
 * {@code MMYY} not in the past, a CVV of 3 (4 for American Express) digits. Field names are
 * {@code card.number}, {@code card.expiry}, {@code card.cvv}, {@code card.holder}.
 */
public final class CardValidator {

    private static final java.util.regex.Pattern EXPIRY =
            java.util.regex.Pattern.compile("(\\d{1,2})\\s*[/.-]?\\s*(\\d{2}|\\d{4})");

    /**
     * {@code MM/YY}, {@code MMYY}, {@code M/YY} or {@code MM/YYYY} (with /, . or - or a space) as {@code MMYY}; other
     * input unchanged (and refused by {@link #validate}). The payment page and the API both take these forms.
     */
    public static String normalizeExpiry(String input) {
        if (input == null) {
            return null;
        }
        String text = input.strip();
        java.util.regex.Matcher m = EXPIRY.matcher(text);
        if (!m.matches() || (m.group(1).length() == 1 && m.group(2).length() == 2 && !text.matches(".*\\D.*"))) {
            return text;
        }
        String month = m.group(1).length() == 1 ? "0" + m.group(1) : m.group(1);
        String year = m.group(2).length() == 4 ? m.group(2).substring(2) : m.group(2);
        return month + year;
    }

    private CardValidator() {
    }

    /**
     * @param accepted the brands the site accepts
     * @return the detected brand
     * @throws ValidationException listing every broken rule
     */
    public static CardBrand validate(Card card, List<CardBrand> accepted, YearMonth now) {
        List<FieldError> errors = new ArrayList<>();
        Optional<CardBrand> brand = CardBrand.detect(card.number());
        if (!card.number().matches("\\d{12,19}") || !card.passesLuhn()) {
            errors.add(new FieldError("card.number", "validation.card.number"));
        } else if (brand.isEmpty() || !brand.get().acceptedBy(accepted)) {
            errors.add(new FieldError("card.number", "validation.card.brand"));
        }
        YearMonth exp = card.expiryMonth();
        if (exp == null) {
            errors.add(new FieldError("card.expiry", "validation.card.expiryFormat"));
        } else if (exp.isBefore(now)) {
            errors.add(new FieldError("card.expiry", "validation.card.expired"));
        }
        int cvvLength = brand.orElse(null) == CardBrand.AMEX ? 4 : 3;
        if (card.cvv() == null || !card.cvv().matches("\\d{" + cvvLength + "}")) {
            errors.add(new FieldError("card.cvv", "validation.card.cvv", cvvLength));
        }
        if (card.holder() != null && card.holder().length() > 60) {
            errors.add(new FieldError("card.holder", "validation.length.max", 60));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return brand.orElseThrow();
    }

    /** The current month in UTC. */
    public static YearMonth currentMonth(java.time.Clock clock) {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
}
