package org.eventcommerce.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.entitlement.EntitlementService;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.offering.OfferingService;
import org.eventcommerce.domain.offering.OfferingType;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.order.PaymentLinks;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.web.security.CurrentUser;

/**
 * Offerings for sale to the signed-in attendee ({@code /attendee/offerings.xhtml}, MISSION.md M2): Register
 * places an order and goes to its payment page; offerings the attendee already has access to say so.
 */
@Named
@ViewScoped
public class AttendeeOfferings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfferingService offerings;

    @Inject
    OrderService orders;

    @Inject
    EntitlementService entitlements;

    @Inject
    PaymentLinks links;

    @Inject
    org.eventcommerce.domain.site.SettingsService settings;

    @Inject
    CurrentUser currentUser;

    private List<Row> rows;
    private String zone;

    @PostConstruct
    void load() {
        Account attendee = currentUser.account();
        zone = attendee.getSite().getTimeZone().getId();
        var config = settings.get(attendee.getSite().getId());
        String payable = config.getCurrency().getCurrencyCode();
        boolean taken = config.getProviderType().currencies().contains(payable);
        // An offering priced in another currency than the one payments are taken in cannot be paid: no Register
        // button that only leads to an error (fresh-user trial, issue 5).
        rows = offerings.forSale(attendee.getSite().getId()).stream()
                .map(o -> new Row(o, entitlements.hasActive(attendee, o.getId()),
                        taken && o.getFee().orElseThrow().currency().getCurrencyCode().equals(payable))).toList();
    }

    /** Places (or finds the open) order for the row's offering and goes to its signed payment page. */
    public void register(Row row) throws IOException {
        Account attendee = currentUser.account();
        try {
            PurchaseOrder order = orders.place(attendee.getSite(), row.externalId, attendee.getEmail(),
                    attendee.getDisplayName(), null).order();
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/pay/" + order.getPublicId() + "?sig="
                    + URLEncoder.encode(links.signature(order.getPublicId()), StandardCharsets.UTF_8));
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
            load();
        }
    }

    /** The row's price for the reader's locale, with the currency code. */
    public String price(Row row) {
        return Formats.money(row.feeAmount, Currency.getInstance(row.feeCurrency), Bundle.locale());
    }

    /** The row's start in the site's time zone, or "On demand". */
    public String startsAt(Row row) {
        return row.startsAt == null ? Bundle.text("label.onDemand")
                : Formats.dateTime(row.startsAt, ZoneId.of(zone), Bundle.locale());
    }

    public List<Row> getRows() {
        return rows;
    }

    /** One offering for sale. */
    public static class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String externalId;
        private final String title;
        private final OfferingType type;
        private final Instant startsAt;
        private final BigDecimal feeAmount;
        private final String feeCurrency;
        private final boolean access;
        private final boolean payable;

        Row(Offering o, boolean access, boolean payable) {
            externalId = o.getExternalId();
            title = o.getTitle();
            type = o.getType();
            startsAt = o.getStartsAt();
            feeAmount = o.getFee().orElseThrow().amount();
            feeCurrency = o.getFee().orElseThrow().currency().getCurrencyCode();
            this.access = access;
            this.payable = payable;
        }

        public String getExternalId() {
            return externalId;
        }

        public String getTitle() {
            return title;
        }

        public OfferingType getType() {
            return type;
        }

        /** True when the attendee already has access (no Register button then). */
        public boolean isAccess() {
            return access;
        }

        /** True when its fee is in the currency the site takes payments in (else no Register button). */
        public boolean isPayable() {
            return payable;
        }
    }
}
