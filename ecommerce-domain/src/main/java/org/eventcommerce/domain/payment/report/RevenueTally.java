package org.eventcommerce.domain.payment.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * Folds the revenue report's database sums (a few rows per group, currency and kind) into its lines and its
 * totals per currency. Pure: no database, no clock.
 *
 * <p>Payments are approved sales and captures, refunds approved credits; any other kind moves no money and is
 * ignored. Amounts are rounded half-up to the currency's PayPal scale per line (stored amounts already are at that
 * scale, so nothing is lost), and the totals are the sums of the lines, so a table always adds up. Currencies are
 * never mixed: a group with money in two currencies has two lines.
 */
public final class RevenueTally {

    private RevenueTally() {
    }

    /**
     * The sum of the approved transactions of one kind, group and currency, as the database summed it.
     *
     * @param key      the group's key ({@link RevenueLine#key()})
     * @param label    the group's label, or null when it is the key
     * @param currency ISO 4217 code
     * @param sum      the sum of the amounts in {@code currency}; null counts as zero
     */
    public record MoneySum(String key, String label, String currency, TransactionKind kind, BigDecimal sum) {
    }

    /**
     * The orders of one group and currency paid in the range, as the database summed them.
     *
     * @param discounts the sum of their discounts in {@code currency}; null counts as zero
     * @param orders    how many
     */
    public record OrderSum(String key, String label, String currency, BigDecimal discounts, long orders) {
    }

    /** The lines of {@code query}'s grouping from the sums, in the grouping's order then by currency, and totals. */
    public static Revenue fold(RevenueQuery query, List<MoneySum> money, List<OrderSum> orders) {
        Map<List<String>, Acc> by = new LinkedHashMap<>();
        for (MoneySum s : money) {
            boolean payment = s.kind() == TransactionKind.SALE || s.kind() == TransactionKind.CAPTURE;
            if (!payment && s.kind() != TransactionKind.CREDIT) {
                continue;
            }
            Acc a = acc(by, s.key(), s.label(), s.currency());
            if (payment) {
                a.payments = a.payments.add(orZero(s.sum()));
            } else {
                a.refunds = a.refunds.add(orZero(s.sum()));
            }
        }
        for (OrderSum s : orders) {
            Acc a = acc(by, s.key(), s.label(), s.currency());
            a.discounts = a.discounts.add(orZero(s.discounts()));
            a.orders += s.orders();
        }
        List<RevenueLine> lines = new ArrayList<>();
        by.forEach((k, a) -> lines.add(a.line(k.get(0), k.get(1))));
        lines.sort(query.groupBy().order().thenComparing(l -> l.currency().getCurrencyCode()));
        return new Revenue(query, List.copyOf(lines), totals(lines));
    }

    /** The sums of {@code lines} per currency, by currency code. */
    static List<RevenueTotal> totals(List<RevenueLine> lines) {
        Map<String, RevenueTotal> by = new TreeMap<>();
        for (RevenueLine l : lines) {
            by.merge(l.currency().getCurrencyCode(), new RevenueTotal(l.currency(), l.payments(), l.refunds(),
                    l.net(), l.discounts(), l.orders()), (a, b) -> new RevenueTotal(a.currency(),
                    a.payments().plus(b.payments()), a.refunds().plus(b.refunds()), a.net().plus(b.net()),
                    a.discounts().plus(b.discounts()), a.orders() + b.orders()));
        }
        return List.copyOf(by.values());
    }

    private static Acc acc(Map<List<String>, Acc> by, String key, String label, String currency) {
        Acc a = by.computeIfAbsent(List.of(key, currency.strip()), k -> new Acc());
        if (a.label == null) {
            a.label = label;
        }
        return a;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** What one group and currency has gathered so far. */
    private static final class Acc {
        String label;
        BigDecimal payments = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        long orders;

        RevenueLine line(String key, String currencyCode) {
            Currency c = Currency.getInstance(currencyCode);
            Money p = Money.rounded(payments, c);
            Money r = Money.rounded(refunds, c);
            return new RevenueLine(key, label == null ? key : label, c, p, r, p.minus(r), Money.rounded(discounts, c),
                    orders);
        }
    }
}
