package org.eventcommerce.domain.payment.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eventcommerce.domain.payment.report.RevenueTally.MoneySum;
import org.eventcommerce.domain.payment.report.RevenueTally.OrderSum;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;
import org.junit.jupiter.api.Test;

/** How the revenue report's database sums become lines per group and currency and totals per currency. */
class RevenueTallyTest {

    private static RevenueQuery query(RevenueGrouping g) {
        return new RevenueQuery(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), g, false);
    }

    private static MoneySum money(String key, String label, String currency, TransactionKind kind, String sum) {
        return new MoneySum(key, label, currency, kind, sum == null ? null : new BigDecimal(sum));
    }

    @Test
    void paymentsRefundsNetDiscountsAndOrdersPerOfferingAndCurrency() {
        Revenue r = RevenueTally.fold(query(RevenueGrouping.OFFERING), List.of(
                money("keynote", "Keynote", "USD", TransactionKind.SALE, "50.0000"),
                money("keynote", "Keynote", "USD", TransactionKind.CAPTURE, "25.0000"),
                money("keynote", "Keynote", "USD", TransactionKind.CREDIT, "10.5000"),
                money("keynote", "Keynote", "GBP", TransactionKind.SALE, "40.0000"),
                money("workshop", "a workshop", "USD", TransactionKind.SALE, "150.0000"),
                // moves no money: ignored
                money("workshop", "a workshop", "USD", TransactionKind.AUTHORIZATION, "999.0000"),
                money("workshop", "a workshop", "USD", TransactionKind.VOID, "999.0000")), List.of(
                new OrderSum("keynote", "Keynote", "USD", new BigDecimal("5.0000"), 3),
                new OrderSum("keynote", "Keynote", "GBP", BigDecimal.ZERO, 1),
                new OrderSum("workshop", "a workshop", "USD", new BigDecimal("0.0000"), 1),
                // a zero total paid with a 100 % code: an order and a discount, no money
                new OrderSum("free", "Free talk", "USD", new BigDecimal("20.0000"), 1)));

        // By title, case-insensitive (a workshop, Free talk, Keynote), then currency code (GBP before USD).
        assertThat(r.groups()).extracting(RevenueLine::key, l -> l.currency().getCurrencyCode())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("workshop", "USD"),
                        org.assertj.core.groups.Tuple.tuple("free", "USD"),
                        org.assertj.core.groups.Tuple.tuple("keynote", "GBP"),
                        org.assertj.core.groups.Tuple.tuple("keynote", "USD"));
        RevenueLine keynoteUsd = r.groups().get(3);
        assertThat(keynoteUsd.label()).isEqualTo("Keynote");
        assertThat(keynoteUsd.payments()).isEqualTo(Money.of("75.00", "USD"));
        assertThat(keynoteUsd.refunds()).isEqualTo(Money.of("10.50", "USD"));
        assertThat(keynoteUsd.net()).isEqualTo(Money.of("64.50", "USD"));
        assertThat(keynoteUsd.discounts()).isEqualTo(Money.of("5.00", "USD"));
        assertThat(keynoteUsd.orders()).isEqualTo(3);
        RevenueLine free = r.groups().get(1);
        assertThat(free.payments()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(free.net()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(free.discounts()).isEqualTo(Money.of("20.00", "USD"));
        assertThat(free.orders()).isEqualTo(1);
        assertThat(r.groups().get(0).payments()).as("authorizations and voids move no money")
                .isEqualTo(Money.of("150.00", "USD"));

        // Totals per currency, never mixed, by code; the sums of the lines.
        assertThat(r.totals()).extracting(t -> t.currency().getCurrencyCode()).containsExactly("GBP", "USD");
        RevenueTotal usd = r.totals().get(1);
        assertThat(usd.payments()).isEqualTo(Money.of("225.00", "USD"));
        assertThat(usd.refunds()).isEqualTo(Money.of("10.50", "USD"));
        assertThat(usd.net()).isEqualTo(Money.of("214.50", "USD"));
        assertThat(usd.discounts()).isEqualTo(Money.of("25.00", "USD"));
        assertThat(usd.orders()).isEqualTo(5);
        RevenueTotal gbp = r.totals().get(0);
        assertThat(gbp.net()).isEqualTo(Money.of("40.00", "GBP"));
        assertThat(gbp.orders()).isEqualTo(1);
    }

    @Test
    void aRangeWithOnlyTheRefundOfAnEarlierPaymentHasANegativeNetAndNoOrders() {
        Revenue r = RevenueTally.fold(query(RevenueGrouping.SERVICE), List.of(
                money("EVENTS", null, "USD", TransactionKind.CREDIT, "12.0000")), List.of());
        assertThat(r.groups()).hasSize(1);
        RevenueLine events = r.groups().get(0);
        assertThat(events.label()).as("a type or service is its own label").isEqualTo("EVENTS");
        assertThat(events.payments()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(events.net()).isEqualTo(Money.of("-12.00", "USD"));
        assertThat(events.orders()).isZero();
        assertThat(r.totals().get(0).net()).isEqualTo(Money.of("-12.00", "USD"));
    }

    @Test
    void typesAndServicesKeepTheirEnumOrderAndCurrenciesTheirScale() {
        Revenue types = RevenueTally.fold(query(RevenueGrouping.OFFERING_TYPE), List.of(
                money("PROGRAM", null, "JPY", TransactionKind.SALE, "3000.0000"),
                money("RECORDING", null, "USD", TransactionKind.SALE, "9.9900"),
                money("LIVE_EVENT", null, "USD", TransactionKind.SALE, "25.0000")), List.of(
                new OrderSum("TRAINING_SESSION", null, "USD", new BigDecimal("150.0000"), 1)));
        assertThat(types.groups()).extracting(RevenueLine::key)
                .containsExactly("LIVE_EVENT", "TRAINING_SESSION", "RECORDING", "PROGRAM");
        assertThat(types.groups().get(3).payments().toPlainString()).isEqualTo("3000");
        assertThat(types.groups().get(1).payments().toPlainString()).isEqualTo("0.00");
        assertThat(types.totals()).extracting(t -> t.currency().getCurrencyCode()).containsExactly("JPY", "USD");
        assertThat(types.totals().get(1).net()).isEqualTo(Money.of("34.99", "USD"));

        Revenue services = RevenueTally.fold(query(RevenueGrouping.SERVICE), List.of(
                money("TRAINING", null, "USD", TransactionKind.SALE, "1.0000"),
                money("EVENTS", null, "USD", TransactionKind.SALE, "2.0000")), List.of());
        assertThat(services.groups()).extracting(RevenueLine::key).containsExactly("EVENTS", "TRAINING");
    }

    @Test
    void nothingInTheRangeIsAnEmptyReportAndNullSumsCountAsZero() {
        Revenue empty = RevenueTally.fold(query(RevenueGrouping.OFFERING), List.of(), List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.totals()).isEmpty();
        Revenue nulls = RevenueTally.fold(query(RevenueGrouping.OFFERING), List.of(
                money("x", "X", "USD ", TransactionKind.SALE, null)), List.of(new OrderSum("x", "X", "USD", null, 0)));
        assertThat(nulls.groups()).hasSize(1);
        assertThat(nulls.groups().get(0).currency().getCurrencyCode()).as("a padded CHAR(3) is stripped")
                .isEqualTo("USD");
        assertThat(nulls.groups().get(0).net()).isEqualTo(Money.of("0.00", "USD"));
    }

    @Test
    void theGroupByParameterNamesTheGrouping() {
        assertThat(RevenueGrouping.ofParameter("offering")).contains(RevenueGrouping.OFFERING);
        assertThat(RevenueGrouping.ofParameter(" offeringType ")).contains(RevenueGrouping.OFFERING_TYPE);
        assertThat(RevenueGrouping.ofParameter("SERVICE")).contains(RevenueGrouping.SERVICE);
        assertThat(RevenueGrouping.ofParameter("host")).isEmpty();
        assertThat(RevenueGrouping.ofParameter(null)).isEmpty();
    }
}
