package org.eventcommerce.domain.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.site.Site;

/**
 * An {@code Idempotency-Key} seen for a site: the keyed MAC of the request (never the body itself, which
 * may hold card data) and, once done, the response to replay.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(name = "idem_key", nullable = false)
    private String key;

    @Column(nullable = false)
    private String scope;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The transaction whose intent the claiming request recorded (V12), or null before that. */
    @Column(name = "transaction_id")
    private Long transactionId;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(Site site, String key, String scope, String requestHash, Instant now) {
        this.site = site;
        this.key = key;
        this.scope = scope;
        this.requestHash = requestHash;
        this.createdAt = now;
    }

    /** Links the transaction recorded by the claiming request (normally done by {@link IdempotencyLinker}'s update). */
    void linkTransaction(long id) {
        this.transactionId = id;
    }

    void finish(int status, String body) {
        this.responseStatus = status;
        this.responseBody = body;
    }

    /** When the key was claimed (or last taken over), UTC. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The database id of the transaction the claiming request recorded, or null. */
    public Long getTransactionId() {
        return transactionId;
    }

    public String getScope() {
        return scope;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public Integer getResponseStatus() {
        return responseStatus;
    }

    public String getResponseBody() {
        return responseBody;
    }
}
