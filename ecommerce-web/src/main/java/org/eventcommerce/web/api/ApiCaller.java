package org.eventcommerce.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.eventcommerce.domain.account.ApiKeyService;
import org.eventcommerce.domain.security.FailedAttempt;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.domain.site.SettingsService;

/**
 * The site whose API key authenticated this request (set by {@link ApiKeyFilter}, or by a resource marked
 * {@link KeyCheckedInQuery} once its own statement has matched the key). The site entity is loaded only when a
 * resource asks for it ({@link #site()}); {@link #siteId()} and {@link #timeZone()} come with the key's lookup.
 */
@RequestScoped
public class ApiCaller {

    @Inject
    SettingsService settings;

    private ApiKeyService.KeySite keySite;
    private Site site;
    private String keyHash;

    /** Called by the filter (or a {@link KeyCheckedInQuery} resource) once the key with this hash is known. */
    void authenticate(ApiKeyService.KeySite keySite, String keyHash) {
        this.keySite = keySite;
        this.keyHash = keyHash;
    }

    /** Called by the filter for a {@link KeyCheckedInQuery} resource: the key still has to be matched. */
    void defer(String keyHash) {
        this.keyHash = keyHash;
    }

    /** The SHA-256 hex of the bearer key (set for every request that passed the filter, verified or deferred). */
    String keyHash() {
        if (keyHash == null) {
            throw new IllegalStateException("API request without a key");
        }
        return keyHash;
    }

    /**
     * The subjects a promotion-code guess through this request is counted on: the API key (by the start of its
     * hash, never the key itself); the order's attendee e-mail is added by the domain.
     */
    public java.util.List<FailedAttempt.Subject> guesser() {
        verified();
        return java.util.List.of(new FailedAttempt.Subject(FailedAttempt.SubjectKind.API_KEY,
                keyHash.substring(0, 16)));
    }

    /**
     * The caller's site as an entity (loaded on first use).
     *
     * @throws IllegalStateException when no key was verified for this request (a bug)
     */
    public Site site() {
        if (site == null) {
            site = settings.site(verified().siteId());
        }
        return site;
    }

    /** @throws IllegalStateException when no key was verified for this request (a bug) */
    public long siteId() {
        return verified().siteId();
    }

    /** The caller's site's time zone. @throws IllegalStateException when no key was verified (a bug) */
    public ZoneId timeZone() {
        return verified().timeZone();
    }

    private ApiKeyService.KeySite verified() {
        if (keySite == null) {
            throw new IllegalStateException("API request without an authenticated site");
        }
        return keySite;
    }
}
