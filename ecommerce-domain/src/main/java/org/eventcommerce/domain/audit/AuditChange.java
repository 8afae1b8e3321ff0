package org.eventcommerce.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eventcommerce.domain.common.BaseEntity;

/** One changed field of an {@link AuditEntry} (table {@code audit_change}); never a secret's value. */
@Entity
@Table(name = "audit_change")
public class AuditChange extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id")
    private AuditEntry entry;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected AuditChange() {
    }

    AuditChange(AuditEntry entry, int seq, FieldChange change) {
        this.entry = entry;
        this.seq = seq;
        this.field = change.field();
        this.oldValue = change.oldValue();
        this.newValue = change.newValue();
    }

    AuditEntry getEntry() {
        return entry;
    }

    int getSeq() {
        return seq;
    }

    /** The change as a value. */
    public FieldChange toChange() {
        return new FieldChange(field, oldValue, newValue);
    }
}
