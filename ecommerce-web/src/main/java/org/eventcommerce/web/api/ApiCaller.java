package org.eventcommerce.web.api;

import jakarta.enterprise.context.RequestScoped;
import org.eventcommerce.domain.site.Site;

/** The site whose API key authenticated this request (set by {@link ApiKeyFilter}). */
@RequestScoped
public class ApiCaller {

    private Site site;
    private String keyId;

    void authenticate(Site site, String key) {
        this.site = site;
        // Never the key itself: the start of its SHA-256 (as stored), enough to tell the site's keys apart.
        this.keyId = org.eventcommerce.domain.account.ApiKeyService.hash(key).substring(0, 16);
    }

    /**
     * The subjects a promotion-code guess through this request is counted on: the API key (by the start of its
     * hash); the order's attendee e-mail is added by the domain.
     */
    public java.util.List<org.eventcommerce.domain.security.FailedAttempt.Subject> guesser() {
        site();
        return java.util.List.of(new org.eventcommerce.domain.security.FailedAttempt.Subject(
                org.eventcommerce.domain.security.FailedAttempt.SubjectKind.API_KEY, keyId));
    }

    /** @throws IllegalStateException when the filter did not run (a bug) */
    public Site site() {
        if (site == null) {
            throw new IllegalStateException("API request without an authenticated site");
        }
        return site;
    }

    public long siteId() {
        return site().getId();
    }
}
