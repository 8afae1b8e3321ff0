package org.eventcommerce.web.api;

import jakarta.enterprise.context.RequestScoped;
import org.eventcommerce.domain.site.Site;

/** The site whose API key authenticated this request (set by {@link ApiKeyFilter}). */
@RequestScoped
public class ApiCaller {

    private Site site;

    void authenticate(Site site) {
        this.site = site;
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
