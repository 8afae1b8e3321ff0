package org.eventcommerce.web.portal.revenue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eventcommerce.domain.payment.report.Revenue;
import org.eventcommerce.domain.payment.report.RevenueLine;

/**
 * The Chart.js configuration of the revenue report's bar chart ({@code p:chart}, whose {@code value} PrimeFaces 15
 * passes to Chart.js as it is): one bar group per report group, in the report's order, and one dataset (one colour)
 * per currency holding the net revenue of each group in that currency (null where the group has none), so that no
 * two currencies are ever added up. Numbers on the axis and in tooltips are formatted by Chart.js in the reader's
 * locale ({@code options.locale}).
 *
 * <p>The JSON goes inside a {@code <script>} element, so {@code <}, {@code >} and {@code &} (which offering titles
 * may hold) are written as {@code \u003c}, {@code \u003e}, {@code \u0026}: a title can never end the script.
 */
public final class RevenueChart {

    /** Colours of the datasets, one per currency in code order, then again from the start. */
    static final List<String> COLOURS = List.of("#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#c62828");

    private RevenueChart() {
    }

    /**
     * The configuration for {@code revenue}.
     *
     * @param labels the label of each line of {@code revenue.groups()}, as shown in the table (same order)
     * @param title  the chart's title
     * @param locale the reader's locale
     */
    public static String config(Revenue revenue, List<String> labels, String title, Locale locale) {
        Map<String, Integer> column = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Map<String, Map<Integer, BigDecimal>> byCurrency = new TreeMap<>();
        for (int i = 0; i < revenue.groups().size(); i++) {
            RevenueLine l = revenue.groups().get(i);
            Integer c = column.get(l.key());
            if (c == null) {
                c = names.size();
                column.put(l.key(), c);
                names.add(labels.get(i));
            }
            byCurrency.computeIfAbsent(l.currency().getCurrencyCode(), k -> new TreeMap<>()).put(c,
                    l.net().amount());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int colour = 0;
        for (Map.Entry<String, Map<Integer, BigDecimal>> e : byCurrency.entrySet()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (int c = 0; c < names.size(); c++) {
                BigDecimal v = e.getValue().get(c);
                if (v == null) {
                    data.addNull();
                } else {
                    data.add(v);
                }
            }
            String rgb = COLOURS.get(colour++ % COLOURS.size());
            datasets.add(Json.createObjectBuilder().add("label", e.getKey()).add("data", data)
                    .add("backgroundColor", rgb).add("borderColor", rgb));
        }
        JsonArrayBuilder groupNames = Json.createArrayBuilder();
        names.forEach(groupNames::add);
        JsonObjectBuilder options = Json.createObjectBuilder().add("locale", locale.toLanguageTag())
                .add("responsive", true).add("maintainAspectRatio", false)
                .add("plugins", Json.createObjectBuilder()
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                        .add("legend", Json.createObjectBuilder().add("display", true)))
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)));
        String json = Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", groupNames).add("datasets", datasets))
                .add("options", options).build().toString();
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
