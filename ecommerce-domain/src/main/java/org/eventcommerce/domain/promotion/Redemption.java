package org.eventcommerce.domain.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.order.PurchaseOrder;

/**
 * One use of a code by one order (DESIGN.md vocabulary): RESERVED → CONFIRMED → RELEASED (full refund), or
 * RESERVED → RELEASED (decline, cancel, lapse). Rows are history and never rewritten backwards.
 */
@Entity
@Table(name = "redemption")
public class Redemption extends BaseEntity {

    /** The states of a redemption. */
    public enum Status { RESERVED, CONFIRMED, RELEASED }

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private org.eventcommerce.domain.site.Site site;

    @ManyToOne(optional = false)
    @JoinColumn(name = "code_id")
    private PromotionCode code;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private PurchaseOrder order;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Redemption() {
    }

    Redemption(PromotionCode code, PurchaseOrder order, Instant now) {
        this.site = code.getSite();
        this.code = code;
        this.order = order;
        this.status = Status.RESERVED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void moveTo(Status next, Instant now) {
        boolean allowed = (status == Status.RESERVED && next != Status.RESERVED)
                || (status == Status.CONFIRMED && next == Status.RELEASED);
        if (!allowed) {
            throw new IllegalStateException("Redemption " + getId() + " cannot go from " + status + " to " + next);
        }
        status = next;
        updatedAt = now;
    }

    public PromotionCode getCode() {
        return code;
    }

    public PurchaseOrder getOrder() {
        return order;
    }

    public Status getStatus() {
        return status;
    }
}
