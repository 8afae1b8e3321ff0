package org.eventcommerce.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eventcommerce.domain.common.BaseEntity;
import org.eventcommerce.domain.site.Site;

/** A platform API key of one site, stored as the SHA-256 hex of the key (API.md "Authentication"). */
@Entity
@Table(name = "api_key")
public class ApiKey extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(nullable = false)
    private String label;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiKey() {
    }

    public ApiKey(Site site, String keyHash, String label, Instant now) {
        this.site = site;
        this.keyHash = keyHash;
        this.label = label;
        this.createdAt = now;
    }

    public Site getSite() {
        return site;
    }

    public String getLabel() {
        return label;
    }
}
