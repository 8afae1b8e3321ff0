package org.eventcommerce.domain.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventcommerce.domain.site.Site;

/**
 * Records changes in the caller's transaction (so a change and its record commit or roll back together), and reads a
 * site's entries newest first, a page at a time, optionally of one action.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor name for calls made with a platform API key. */
    public static final String PLATFORM_API = "platform API";

    /** The actor name for the demo's own set-up at start-up. */
    public static final String DEMO_DATA = "demo data";

    /** The action of a change of the e-commerce configuration (settings, provider, mail template). */
    public static final String SETTINGS_UPDATE = "settings.update";

    /** The most entries one page may hold. */
    public static final int MAX_PAGE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** One entry as read: when, who, what, the short detail and the changed fields (empty for other actions). */
    public record Item(Instant at, String actor, String action, String detail, List<FieldChange> changes) {
    }

    /** Records {@code action} with {@code detail} by {@code actor}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Site site, String actor, String action, String detail) {
        record(site, actor, action, detail, List.of());
    }

    /**
     * Records {@code action} by {@code actor} with its changed fields (already free of secrets: see
     * {@link FieldChange#diff}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Site site, String actor, String action, String detail, List<FieldChange> changes) {
        AuditEntry e = new AuditEntry(site, actor == null || actor.isBlank() ? "unknown" : actor, action, detail,
                clock.instant());
        e.addChanges(changes);
        em.persist(e);
    }

    /** The newest entries of a site, at most {@code max}. */
    @Transactional
    public List<Item> latest(long siteId, int max) {
        return page(siteId, null, 0, max);
    }

    /**
     * Entries of a site, newest first (then by id), from {@code first}, at most {@code max} (1–{@value #MAX_PAGE}); of
     * one {@code action} when it is not null. The changes of the page are read in one more query.
     */
    @Transactional
    public List<Item> page(long siteId, String action, int first, int max) {
        TypedQuery<AuditEntry> q = em.createQuery("select a from AuditEntry a where a.site.id = :s"
                + (action == null ? "" : " and a.action = :a") + " order by a.createdAt desc, a.id desc",
                AuditEntry.class).setParameter("s", siteId);
        if (action != null) {
            q.setParameter("a", action);
        }
        List<AuditEntry> entries = q.setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, MAX_PAGE))).getResultList();
        Map<Long, List<FieldChange>> changes = new LinkedHashMap<>();
        entries.forEach(e -> changes.put(e.getId(), new ArrayList<>()));
        if (!entries.isEmpty()) {
            em.createQuery("select c from AuditChange c where c.entry.id in :e order by c.entry.id, c.seq",
                    AuditChange.class).setParameter("e", List.copyOf(changes.keySet())).getResultList()
                    .forEach(c -> changes.get(c.getEntry().getId()).add(c.toChange()));
        }
        return entries.stream().map(e -> new Item(e.getCreatedAt(), e.getActor(), e.getAction(), e.getDetail(),
                List.copyOf(changes.get(e.getId())))).toList();
    }

    /** How many entries the site has (of one {@code action} when not null). */
    @Transactional
    public long count(long siteId, String action) {
        TypedQuery<Long> q = em.createQuery("select count(a) from AuditEntry a where a.site.id = :s"
                + (action == null ? "" : " and a.action = :a"), Long.class).setParameter("s", siteId);
        if (action != null) {
            q.setParameter("a", action);
        }
        return q.getSingleResult();
    }

    /** The actions the site's entries have, by name (for the filter). */
    @Transactional
    public List<String> actions(long siteId) {
        return em.createQuery("select distinct a.action from AuditEntry a where a.site.id = :s order by a.action",
                String.class).setParameter("s", siteId).getResultList();
    }
}
