package org.eventcommerce.domain.payment.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * The money of the report in one currency: {@code gross} = approved sales and captures, {@code refunds} = approved
 * credits, {@code net} = gross − refunds. Authorizations, voids and inquiries move no money and are not counted.
 * All three in {@code currency} at its PayPal scale.
 */
public record CurrencyTotals(Currency currency, Money gross, Money refunds, Money net)
        implements Serializable {

    /**
     * One group of the database's sums: approved transactions of one currency, mode and kind.
     *
     * @param sum   the sum of their amounts in {@code currency}
     * @param count how many
     */
    public record Sum(String currency, OperatingMode mode, TransactionKind kind, BigDecimal sum, long count) {
    }

    /** The totals per currency (sorted by code) and how many Test-mode transactions were left out. */
    public record Tally(List<CurrencyTotals> totals, long excludedTest) implements Serializable {
    }

    /**
     * Folds the database's sums into totals per currency. Test-mode sums count only when {@code includeTest};
     * otherwise their transactions are counted in {@link Tally#excludedTest()}. Kinds other than sale, capture
     * and credit are ignored. A currency appears when at least one of its transactions counted.
     */
    public static Tally tally(List<Sum> sums, boolean includeTest) {
        Map<String, BigDecimal[]> by = new TreeMap<>();
        long excluded = 0;
        for (Sum s : sums) {
            boolean gross = s.kind() == TransactionKind.SALE || s.kind() == TransactionKind.CAPTURE;
            boolean refund = s.kind() == TransactionKind.CREDIT;
            if (!gross && !refund) {
                continue;
            }
            if (s.mode() == OperatingMode.TEST && !includeTest) {
                excluded += s.count();
                continue;
            }
            BigDecimal[] acc = by.computeIfAbsent(s.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal v = s.sum() == null ? BigDecimal.ZERO : s.sum();
            acc[gross ? 0 : 1] = acc[gross ? 0 : 1].add(v);
        }
        List<CurrencyTotals> out = new ArrayList<>();
        by.forEach((code, acc) -> {
            Currency c = Currency.getInstance(code);
            Money g = Money.rounded(acc[0], c);
            Money r = Money.rounded(acc[1], c);
            out.add(new CurrencyTotals(c, g, r, g.minus(r)));
        });
        return new Tally(List.copyOf(out), excluded);
    }
}
