package org.eventcommerce.domain.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.eventcommerce.payments.money.Money;

/**
 * A code's discount: a fixed amount in one currency, or a percentage of the list price.
 *
 * @param amount  for FIXED: the amount off (USD, CAD or GBP), else null
 * @param percent for PERCENT: 0 &lt; p ≤ 100 with at most 2 decimals, else null
 */
public record Discount(Type type, Money amount, BigDecimal percent) {

    /** The two kinds of discount. */
    public enum Type { FIXED, PERCENT }

    public Discount {
        Objects.requireNonNull(type, "type");
        if (type == Type.FIXED) {
            Objects.requireNonNull(amount, "amount");
        } else {
            Objects.requireNonNull(percent, "percent");
        }
    }

    public static Discount fixed(Money amount) {
        return new Discount(Type.FIXED, amount, null);
    }

    public static Discount percent(BigDecimal percent) {
        return new Discount(Type.PERCENT, null, percent);
    }

    /**
     * The amount off {@code listPrice}: a fixed amount capped at the list price, or the percentage rounded
     * half-up to the currency's minor unit (DESIGN.md "Money"), also capped; never below zero.
     *
     * @throws IllegalArgumentException for a fixed discount in another currency (callers check
     *                                  {@link #appliesToCurrency} first and report a currency mismatch)
     */
    public Money off(Money listPrice) {
        if (type == Type.FIXED) {
            return amount.min(listPrice);
        }
        BigDecimal raw = listPrice.amount().multiply(percent).divide(BigDecimal.valueOf(100));
        return Money.rounded(raw, listPrice.currency()).min(listPrice);
    }

    /** True unless this is a fixed discount in a currency other than {@code listPrice}'s. */
    public boolean appliesToCurrency(Money listPrice) {
        return type == Type.PERCENT || amount.currency().equals(listPrice.currency());
    }

    /** For reports and mail: {@code 10.00 USD} or {@code 15%}. */
    public String describe() {
        return type == Type.FIXED ? amount.toString()
                : percent.stripTrailingZeros().toPlainString() + "%";
    }

    /** The percent scaled to 2 decimals, exactly (no rounding): @throws ArithmeticException with more. */
    static BigDecimal exactPercent(BigDecimal p) {
        return p.setScale(2, RoundingMode.UNNECESSARY);
    }
}
