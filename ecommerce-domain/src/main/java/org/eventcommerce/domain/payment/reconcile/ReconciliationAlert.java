package org.eventcommerce.domain.payment.reconcile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.site.Site;

/**
 * A disagreement between a provider's answer and our record of a transaction ({@link Disagreement}), kept for the
 * administrator until acknowledged (the reconciliation view, {@code GET /api/v1/reconciliation}). One per transaction
 * and kind.
 */
@Entity
@Table(name = "reconciliation_alert")
public class ReconciliationAlert extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @ManyToOne(optional = false)
    @JoinColumn(name = "transaction_id")
    private PaymentTransaction transaction;

    @Column(name = "public_id", nullable = false)
    private String publicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Disagreement.Kind kind;

    private String ours;

    private String theirs;

    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    protected ReconciliationAlert() {
    }

    /**
     * An alert about {@code transaction}.
     *
     * @param detail what was asked and answered, in English; cut to 500 characters
     */
    public ReconciliationAlert(PaymentTransaction transaction, Disagreement d, String detail, Instant now) {
        this.site = transaction.getSite();
        this.transaction = transaction;
        this.publicId = UUID.randomUUID().toString();
        this.kind = d.kind();
        this.ours = cut(d.ours(), 200);
        this.theirs = cut(d.theirs(), 200);
        this.detail = cut(detail, 500);
        this.createdAt = now;
    }

    /** Records that {@code who} (an e-mail, or "platform API") has seen it; a second acknowledgement changes nothing. */
    public void acknowledge(String who, Instant now) {
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
            acknowledgedBy = cut(who, 254);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.substring(0, Math.min(max, s.length()));
    }

    public Site getSite() {
        return site;
    }

    public PaymentTransaction getTransaction() {
        return transaction;
    }

    public String getPublicId() {
        return publicId;
    }

    public Disagreement.Kind getKind() {
        return kind;
    }

    public String getOurs() {
        return ours;
    }

    public String getTheirs() {
        return theirs;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }
}
