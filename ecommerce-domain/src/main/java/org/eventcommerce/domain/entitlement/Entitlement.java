package org.eventcommerce.domain.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.site.Site;

/**
 * An attendee's access to an offering, created by a paid order and revoked by a full refund. One row per
 * attendee and offering (unique); a later purchase after a revocation reactivates it.
 */
@Entity
@Table(name = "entitlement")
public class Entitlement extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @ManyToOne(optional = false)
    @JoinColumn(name = "attendee_id")
    private Account attendee;

    @ManyToOne(optional = false)
    @JoinColumn(name = "offering_id")
    private Offering offering;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Entitlement() {
    }

    public Entitlement(PurchaseOrder order, Instant now) {
        this.site = order.getSite();
        this.attendee = order.getAttendee();
        this.offering = order.getOffering();
        this.order = order;
        this.grantedAt = now;
    }

    /** Grants again through {@code order} after a revocation. */
    public void regrant(PurchaseOrder order, Instant now) {
        this.order = order;
        this.grantedAt = now;
        this.revokedAt = null;
    }

    /** Ends the access (a full refund); a later purchase re-grants it. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Account getAttendee() {
        return attendee;
    }

    public Offering getOffering() {
        return offering;
    }

    public PurchaseOrder getOrder() {
        return order;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
