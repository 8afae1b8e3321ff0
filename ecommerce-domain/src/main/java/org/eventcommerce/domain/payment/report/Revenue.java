package org.eventcommerce.domain.payment.report;

import java.io.Serializable;
import java.util.List;

/**
 * The revenue report's answer ({@link RevenueReport#find}).
 *
 * @param query  what was asked
 * @param groups one line per group and currency with any money or paid order, in the grouping's order
 *               ({@link RevenueGrouping}), then by currency code
 * @param totals one line per currency of {@code groups}, by currency code
 */
public record Revenue(RevenueQuery query, List<RevenueLine> groups, List<RevenueTotal> totals)
        implements Serializable {

    /** True when nothing was paid or refunded in the range. */
    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
