package org.eventcommerce.domain.idempotency;

import jakarta.enterprise.context.RequestScoped;

/**
 * The {@code Idempotency-Key} this request has claimed, if any, so that the intent its write records can be linked
 * to the claim ({@link IdempotencyLinker}). Set by {@link IdempotencyService#claim}, cleared when the claim is
 * finished or released.
 */
@RequestScoped
public class ClaimHolder {

    private Long siteId;
    private String key;

    void hold(long siteId, String key) {
        this.siteId = siteId;
        this.key = key;
    }

    void clear() {
        this.siteId = null;
        this.key = null;
    }

    /** The claimed site id, or null when this request holds no claim. */
    Long siteId() {
        return siteId;
    }

    /** The claimed key, or null. */
    String key() {
        return key;
    }
}
