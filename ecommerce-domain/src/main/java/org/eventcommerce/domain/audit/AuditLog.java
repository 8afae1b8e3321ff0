package org.eventcommerce.domain.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.eventcommerce.domain.site.Site;

/** Records changes in the caller's transaction (so a change and its record commit or roll back together). */
@ApplicationScoped
public class AuditLog {

    /** The actor name for calls made with a platform API key. */
    public static final String PLATFORM_API = "platform API";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Records {@code action} with {@code detail} by {@code actor}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Site site, String actor, String action, String detail) {
        em.persist(new AuditEntry(site, actor == null || actor.isBlank() ? "unknown" : actor, action, detail,
                clock.instant()));
    }

    /** The newest entries of a site, at most {@code max}. */
    @Transactional
    public List<AuditEntry> latest(long siteId, int max) {
        return em.createQuery("select a from AuditEntry a where a.site.id = :s order by a.createdAt desc, a.id desc",
                AuditEntry.class).setParameter("s", siteId).setMaxResults(max).getResultList();
    }
}
