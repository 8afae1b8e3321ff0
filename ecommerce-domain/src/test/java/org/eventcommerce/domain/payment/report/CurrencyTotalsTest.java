package org.eventcommerce.domain.payment.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.eventcommerce.domain.payment.report.CurrencyTotals.Sum;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;

/** How the database's sums per currency, mode and kind become gross, refunds and net per currency. */
class CurrencyTotalsTest {

    private static final List<Sum> SUMS = List.of(
            new Sum("USD", OperatingMode.PRODUCTION, TransactionKind.SALE, new BigDecimal("175.0000"), 2),
            new Sum("USD", OperatingMode.PRODUCTION, TransactionKind.CAPTURE, new BigDecimal("24.9900"), 1),
            new Sum("USD", OperatingMode.PRODUCTION, TransactionKind.CREDIT, new BigDecimal("30.5000"), 2),
            new Sum("USD", OperatingMode.TEST, TransactionKind.SALE, new BigDecimal("1000.0000"), 3),
            new Sum("GBP", OperatingMode.TEST, TransactionKind.SALE, new BigDecimal("12.3400"), 1),
            new Sum("CAD", OperatingMode.PRODUCTION, TransactionKind.CREDIT, new BigDecimal("5.0000"), 1),
            new Sum("USD", OperatingMode.PRODUCTION, TransactionKind.AUTHORIZATION, new BigDecimal("99.0000"), 1));

    @Test
    void productionOnlyByDefaultWithTheTestTransactionsCounted() {
        CurrencyTotals.Tally t = CurrencyTotals.tally(SUMS, false);
        assertThat(t.excludedTest()).isEqualTo(4);
        assertThat(t.totals()).extracting(c -> c.currency().getCurrencyCode()).containsExactly("CAD", "USD");
        CurrencyTotals usd = t.totals().get(1);
        assertThat(usd.gross()).isEqualTo(Money.of("199.99", "USD"));
        assertThat(usd.refunds()).isEqualTo(Money.of("30.50", "USD"));
        assertThat(usd.net()).isEqualTo(Money.of("169.49", "USD"));
        assertThat(usd.net().toPlainString()).isEqualTo("169.49");
        // A currency with refunds only in the range has a negative net.
        CurrencyTotals cad = t.totals().get(0);
        assertThat(cad.gross().toPlainString()).isEqualTo("0.00");
        assertThat(cad.net().toPlainString()).isEqualTo("-5.00");
    }

    @Test
    void testModeCountsWhenAskedFor() {
        CurrencyTotals.Tally t = CurrencyTotals.tally(SUMS, true);
        assertThat(t.excludedTest()).isZero();
        assertThat(t.totals()).extracting(c -> c.currency().getCurrencyCode()).containsExactly("CAD", "GBP", "USD");
        assertThat(t.totals().get(1).net()).isEqualTo(Money.of("12.34", "GBP"));
        assertThat(t.totals().get(2).gross()).isEqualTo(Money.of("1199.99", "USD"));
        assertThat(t.totals().get(2).net()).isEqualTo(Money.of("1169.49", "USD"));
    }

    @Test
    void zeroDecimalCurrenciesKeepTheirScaleAndNothingCountedIsEmpty() {
        CurrencyTotals.Tally t = CurrencyTotals.tally(List.of(
                new Sum("JPY", OperatingMode.PRODUCTION, TransactionKind.SALE, new BigDecimal("1500.0000"), 1)), false);
        assertThat(t.totals().get(0).net().toPlainString()).isEqualTo("1500");
        assertThat(CurrencyTotals.tally(List.of(), false).totals()).isEmpty();
        assertThat(CurrencyTotals.tally(List.of(
                new Sum("USD", OperatingMode.TEST, TransactionKind.VOID, BigDecimal.ONE, 7)), false).excludedTest())
                .as("voids are not money: not counted as excluded either").isZero();
    }
}
