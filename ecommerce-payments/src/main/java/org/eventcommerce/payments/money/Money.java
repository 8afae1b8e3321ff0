package org.eventcommerce.payments.money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one ISO 4217 currency, held at the scale PayPal accepts for that currency
 * (see {@link PayPalCurrencies#decimals(Currency)}): 2 for USD, CAD, GBP, EUR; 0 for JPY, HUF, TWD.
 *
 * <p>Immutable. Construction refuses an amount with more decimals than the currency allows instead of
 * rounding silently; use {@link #rounded(BigDecimal, Currency)} where rounding is intended (half-up to
 * the minor unit, DESIGN.md "Money").
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money>, Serializable {

    /**
     * @throws NullPointerException     if either part is null
     * @throws IllegalArgumentException if the amount has more decimals than PayPal accepts for the currency
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = PayPalCurrencies.decimals(currency);
        try {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Amount " + amount.toPlainString() + " has more than " + scale + " decimals for " + currency);
        }
    }

    /** Parses {@code "25.00"} in {@code currencyCode}; same rules as the constructor. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** Rounds {@code amount} half-up to the currency's PayPal scale. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(PayPalCurrencies.decimals(currency), RoundingMode.HALF_UP), currency);
    }

    /** Zero in {@code currency}. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** @throws IllegalArgumentException when currencies differ */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** @throws IllegalArgumentException when currencies differ */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** The smaller of this and {@code other}; @throws IllegalArgumentException when currencies differ. */
    public Money min(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) <= 0 ? this : other;
    }

    /**
     * The wire form PayPal wants: a dot, exactly the currency's decimals, no grouping, no sign for
     * positive values ({@code 1234.50}), independent of any locale [PFP-2009 Table 4.1 "AMT"].
     */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }
}
