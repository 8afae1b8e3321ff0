package org.eventcommerce.web.portal.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.payment.report.Revenue;
import org.eventcommerce.domain.payment.report.RevenueGrouping;
import org.eventcommerce.domain.payment.report.RevenueQuery;
import org.eventcommerce.domain.payment.report.RevenueTally;
import org.eventcommerce.domain.payment.report.RevenueTally.MoneySum;
import org.eventcommerce.payments.TransactionKind;
import org.junit.jupiter.api.Test;

/** The bar chart's Chart.js configuration: one dataset per currency, nets in group order, safe inside a script. */
class RevenueChartTest {

    static Revenue revenue() {
        RevenueQuery q = new RevenueQuery(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31),
                RevenueGrouping.OFFERING, false);
        return RevenueTally.fold(q, List.of(
                new MoneySum("a", "Alpha </script><b>", "USD", TransactionKind.SALE, new BigDecimal("25.0000")),
                new MoneySum("a", "Alpha </script><b>", "USD", TransactionKind.CREDIT, new BigDecimal("5.5000")),
                new MoneySum("a", "Alpha </script><b>", "GBP", TransactionKind.SALE, new BigDecimal("40.0000")),
                new MoneySum("b", "Beta & Co", "USD", TransactionKind.SALE, new BigDecimal("150.0000"))),
                List.of());
    }

    @Test
    void oneDatasetPerCurrencyWithTheNetOfEachGroupAndNullWhereAGroupHasNone() {
        Revenue r = revenue();
        String json = RevenueChart.config(r, List.of("Alpha </script><b>", "Alpha </script><b>", "Beta & Co"),
                "Net revenue per group", Locale.of("ro"));
        JsonObject c = Json.createReader(new StringReader(json)).readObject();
        assertThat(c.getString("type")).isEqualTo("bar");
        assertThat(c.getJsonObject("data").getJsonArray("labels").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList())
                .containsExactly("Alpha </script><b>", "Beta & Co");
        JsonArray sets = c.getJsonObject("data").getJsonArray("datasets");
        assertThat(sets).hasSize(2);
        assertThat(sets.getJsonObject(0).getString("label")).isEqualTo("GBP");
        assertThat(sets.getJsonObject(0).getJsonArray("data").getJsonNumber(0).bigDecimalValue())
                .isEqualByComparingTo("40.00");
        assertThat(sets.getJsonObject(0).getJsonArray("data").isNull(1)).isTrue();
        assertThat(sets.getJsonObject(1).getString("label")).isEqualTo("USD");
        assertThat(sets.getJsonObject(1).getJsonArray("data").getJsonNumber(0).bigDecimalValue())
                .isEqualByComparingTo("19.50");
        assertThat(sets.getJsonObject(1).getJsonArray("data").getJsonNumber(1).bigDecimalValue())
                .isEqualByComparingTo("150.00");
        assertThat(sets.getJsonObject(0).getString("backgroundColor"))
                .isNotEqualTo(sets.getJsonObject(1).getString("backgroundColor"));
        assertThat(c.getJsonObject("options").getString("locale")).isEqualTo("ro");
        assertThat(c.getJsonObject("options").getJsonObject("plugins").getJsonObject("title").getString("text"))
                .isEqualTo("Net revenue per group");
    }

    @Test
    void titlesCannotEndTheScriptTheConfigurationIsWrittenIn() {
        String json = RevenueChart.config(revenue(), List.of("Alpha </script><b>", "Alpha </script><b>",
                "Beta & Co"), "<i>", Locale.ENGLISH);
        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(json).contains("Alpha \\u003c/script\\u003e\\u003cb\\u003e", "Beta \\u0026 Co");
    }
}
