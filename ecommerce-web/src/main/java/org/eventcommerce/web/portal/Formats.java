package org.eventcommerce.web.portal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.money.PayPalCurrencies;

/** Formats amounts and instants for the reader's locale (numbers) and the site's time zone (dates). */
public final class Formats {

    private Formats() {
    }

    /** {@code 1,234.50 USD} in English, {@code 1.234,50 USD} in Romanian; the currency's PayPal decimals. */
    public static String money(BigDecimal amount, Currency currency, Locale locale) {
        if (amount == null || currency == null) {
            return "";
        }
        return number(currency, locale, true).format(amount) + " " + currency.getCurrencyCode();
    }

    /** See {@link #money(BigDecimal, Currency, Locale)}. */
    public static String money(Money money, Locale locale) {
        return money == null ? "" : money(money.amount(), money.currency(), locale);
    }

    /** The amount alone, without grouping, as typed in an input ({@code 1234,50} in Romanian). */
    public static String plainAmount(BigDecimal amount, int decimals, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setGroupingUsed(false);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(Math.max(decimals, amount.scale()));
        return f.format(amount);
    }

    /** Date and time in {@code zone}, followed by the zone id, e.g. {@code Mar 5, 2026, 3:00 PM (America/New_York)}. */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(instant) + " (" + zone.getId() + ")";
    }

    private static NumberFormat number(Currency currency, Locale locale, boolean grouping) {
        int decimals = PayPalCurrencies.decimals(currency);
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setGroupingUsed(grouping);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f;
    }
}
