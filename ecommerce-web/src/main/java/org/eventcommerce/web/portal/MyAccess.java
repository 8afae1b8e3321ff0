package org.eventcommerce.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.entitlement.Entitlement;
import org.eventcommerce.domain.entitlement.EntitlementService;
import org.eventcommerce.domain.offering.OfferingType;
import org.eventcommerce.web.security.CurrentUser;

/** "My access" ({@code /attendee/access.xhtml}): the offerings the signed-in attendee may enter. */
@Named
@ViewScoped
public class MyAccess implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EntitlementService entitlements;

    @Inject
    CurrentUser currentUser;

    private List<Row> rows;
    private String zone;

    @PostConstruct
    void load() {
        Account attendee = currentUser.account();
        zone = attendee.getSite().getTimeZone().getId();
        rows = entitlements.ofAttendee(attendee).stream().map(Row::new).toList();
    }

    /** The row's start in the site's time zone, or "On demand". */
    public String startsAt(Row row) {
        return row.startsAt == null ? Bundle.text("label.onDemand")
                : Formats.dateTime(row.startsAt, ZoneId.of(zone), Bundle.locale());
    }

    /** When access was granted, in the site's time zone. */
    public String grantedAt(Row row) {
        return Formats.dateTime(row.grantedAt, ZoneId.of(zone), Bundle.locale());
    }

    public List<Row> getRows() {
        return rows;
    }

    /** One entitlement. */
    public static class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String title;
        private final OfferingType type;
        private final Instant startsAt;
        private final Instant grantedAt;

        Row(Entitlement e) {
            title = e.getOffering().getTitle();
            type = e.getOffering().getType();
            startsAt = e.getOffering().getStartsAt();
            grantedAt = e.getGrantedAt();
        }

        public String getTitle() {
            return title;
        }

        public OfferingType getType() {
            return type;
        }
    }
}
