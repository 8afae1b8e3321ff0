package org.eventcommerce.domain.payment.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.eventcommerce.domain.offering.OfferingType;
import org.eventcommerce.domain.site.Service;

/**
 * How the revenue report ({@link RevenueReport}) groups money: by offering, by offering type, or by service.
 *
 * <p>The service is the offering's own {@link org.eventcommerce.domain.offering.Offering#getService() service}
 * (Events or Training), set by the platform with the offering (API.md "Offerings"), not derived from its type: a
 * recording may belong to Events (the demo's keynote recording does) or to Training.
 */
public enum RevenueGrouping {

    /** One group per offering: key = the offering's id as the platform knows it, label = its title. */
    OFFERING("offering", "f.externalId", "f.title"),
    /** One group per {@link OfferingType}: key = the type's name ({@code LIVE_EVENT}), label = the same. */
    OFFERING_TYPE("offeringType", "f.type", null),
    /** One group per {@link Service}: key = the service's name ({@code EVENTS}), label = the same. */
    SERVICE("service", "f.service", null);

    private final String parameter;
    private final String keyPath;
    private final String labelPath;

    RevenueGrouping(String parameter, String keyPath, String labelPath) {
        this.parameter = parameter;
        this.keyPath = keyPath;
        this.labelPath = labelPath;
    }

    /** The name in the API's {@code groupBy} parameter: {@code offering}, {@code offeringType}, {@code service}. */
    public String parameter() {
        return parameter;
    }

    /** The grouping named {@code parameter} (as {@link #parameter()}, any case), or empty. */
    public static Optional<RevenueGrouping> ofParameter(String parameter) {
        String p = parameter == null ? "" : parameter.strip();
        return Arrays.stream(values()).filter(g -> g.parameter.equalsIgnoreCase(p)).findFirst();
    }

    /**
     * The JPQL expressions selected and grouped by, on the offering {@code f}: the key, then the label where it
     * differs from the key.
     */
    String paths() {
        return labelPath == null ? keyPath : keyPath + ", " + labelPath;
    }

    /** Whether {@link #paths()} selects a label after the key. */
    boolean hasLabel() {
        return labelPath != null;
    }

    /**
     * The order of the groups: offerings by title (case-insensitive) then id; types and services in the order of
     * their enum (Live event, Training session, Recording, Program; Events, Training).
     */
    Comparator<RevenueLine> order() {
        return switch (this) {
            case OFFERING -> Comparator.comparing((RevenueLine l) -> l.label().toLowerCase(Locale.ROOT))
                    .thenComparing(RevenueLine::key);
            case OFFERING_TYPE -> Comparator.comparing((RevenueLine l) -> OfferingType.valueOf(l.key()));
            case SERVICE -> Comparator.comparing((RevenueLine l) -> Service.valueOf(l.key()));
        };
    }
}
