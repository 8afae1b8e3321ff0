package org.eventcommerce.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.CascadeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.site.Site;

/**
 * One recorded change: who (an e-mail, or "platform API"), what (action + a short detail), when, and for a
 * configuration change each changed field with its old and new value ({@link AuditChange}). Never holds secrets.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "entry", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    private List<AuditChange> changes = new ArrayList<>();

    protected AuditEntry() {
    }

    AuditEntry(Site site, String actor, String action, String detail, Instant now) {
        this.site = site;
        this.actor = actor;
        this.action = action;
        this.detail = detail.length() > 20000 ? detail.substring(0, 19997) + "..." : detail;
        this.createdAt = now;
    }

    /** Adds the changed fields, in order. */
    void addChanges(List<FieldChange> fieldChanges) {
        for (FieldChange c : fieldChanges) {
            changes.add(new AuditChange(this, changes.size(), c));
        }
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }

    public Site getSite() {
        return site;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
