package org.eventcommerce.web.portal.revenue;

import org.eventcommerce.domain.payment.report.RevenueGrouping;
import org.eventcommerce.domain.payment.report.RevenueLine;
import org.eventcommerce.web.portal.Bundle;

/**
 * The name of a revenue report group as people read it, in the reader's language ({@link Bundle}; English
 * outside a Faces request, so in the API): an offering's title as it is, an offering type's or a service's name
 * from the bundle ({@code offeringType.LIVE_EVENT} "Live event", {@code service.EVENTS} "Events").
 */
public final class RevenueLabels {

    private RevenueLabels() {
    }

    /** The label of {@code line} in the grouping {@code groupBy}. */
    public static String of(RevenueGrouping groupBy, RevenueLine line) {
        return switch (groupBy) {
            case OFFERING -> line.label();
            case OFFERING_TYPE -> Bundle.text("offeringType." + line.key());
            case SERVICE -> Bundle.text("service." + line.key());
        };
    }

    /** The column heading of the groups of {@code groupBy}: Offering, Type or Service. */
    public static String heading(RevenueGrouping groupBy) {
        return Bundle.text(switch (groupBy) {
            case OFFERING -> "column.offering";
            case OFFERING_TYPE -> "column.type";
            case SERVICE -> "column.service";
        });
    }
}
