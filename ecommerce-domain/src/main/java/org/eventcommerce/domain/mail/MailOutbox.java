package org.eventcommerce.domain.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.mail.OutboxEntry.Status;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.OperatingMode;

/**
 * The mail outbox (issue 3: "Sending runs in the background through an outbox table with retries, so a slow or
 * failing mail server never loses a code or blocks the page"). Callers {@link #enqueue} rendered messages in their
 * own transaction; {@link MailSender} sends them; the portal shows {@link #progress} and a lazy table
 * ({@link #page}, {@link #count}) and lets the administrator retry failures.
 *
 * <p>Every read and write is limited to one site; an entry of another site is "not found".
 */
@ApplicationScoped
public class MailOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<Enqueued> enqueued;

    /** Fired (synchronously, for transactional observers) after entries were added; {@link MailSender} listens. */
    public record Enqueued(long siteId, String batchId, int pending) {
    }

    /**
     * Counts of one batch (or of the whole site), by status.
     *
     * @param sent    accepted by the SMTP server
     * @param failed  given up (the administrator may retry)
     * @param pending waiting for a first or a next attempt
     * @param held    Test mode without a redirect: kept in the outbox, never sent
     */
    public record Progress(long sent, long failed, long pending, long held) {

        public long total() {
            return sent + failed + pending + held;
        }

        /** True when nothing is waiting to be sent any more. */
        public boolean done() {
            return pending == 0;
        }
    }

    /**
     * Adds one outbox entry per message, in the caller's transaction (REQUIRED: it joins it, so codes and their
     * mails commit or roll back together; alone it runs in its own). What happens per operating mode is
     * {@link OutboxEntry#create}: PRODUCTION mails the recipient; TEST mails the redirect address with the subject
     * prefixed {@code "[Test → original@address] "}, or, without a redirect, keeps the entry HELD (never sent).
     *
     * <p>Nothing is sent here: after the transaction commits, {@link MailSender} is told ({@link Enqueued}) and sends
     * in the background.
     *
     * @param site         the site the mails belong to
     * @param batchId      groups the mails for {@link #progress} (e.g. the promotion-code batch id); may be null
     * @param mode         the site's operating mode at creation
     * @param testRedirect the site's Test-mode redirect address, or null/blank to hold Test-mode mail
     * @param messages     rendered messages, one per recipient ({@link MailTemplate#toMessage})
     * @throws IllegalArgumentException when the mode is null, the batch id is longer than 36 characters or a
     *                                  message is too long for the outbox
     */
    @Transactional
    public void enqueue(Site site, String batchId, OperatingMode mode, String testRedirect,
            List<MailMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Site ref = em.contains(site) ? site : em.getReference(Site.class, site.getId());
        Instant now = clock.instant();
        int pending = 0;
        for (MailMessage m : messages) {
            OutboxEntry e = OutboxEntry.create(ref, batchId, mode, testRedirect, m, now);
            em.persist(e);
            if (e.getStatus() == Status.PENDING) {
                pending++;
            }
        }
        if (pending > 0) {
            enqueued.fire(new Enqueued(site.getId(), batchId, pending));
        }
    }

    /**
     * The counts of one batch, or of every entry of the site when {@code batchId} is null.
     */
    @Transactional
    public Progress progress(long siteId, String batchId) {
        String jpql = "select e.status, count(e) from OutboxEntry e where e.site.id = :site"
                + (batchId == null ? "" : " and e.batchId = :batch") + " group by e.status";
        var q = em.createQuery(jpql, Object[].class).setParameter("site", siteId);
        if (batchId != null) {
            q.setParameter("batch", batchId);
        }
        long sent = 0;
        long failed = 0;
        long pending = 0;
        long held = 0;
        for (Object[] row : q.getResultList()) {
            long n = ((Number) row[1]).longValue();
            switch ((Status) row[0]) {
                case SENT -> sent = n;
                case FAILED -> failed = n;
                case PENDING -> pending = n;
                case HELD -> held = n;
            }
        }
        return new Progress(sent, failed, pending, held);
    }

    /**
     * One page of the site's outbox, newest first, for a lazy table.
     *
     * @param filter a status, or null for all
     * @param first  index of the first row (0-based)
     * @param max    page size (1–500)
     */
    @Transactional
    public List<OutboxEntry> page(long siteId, Status filter, int first, int max) {
        return page(siteId, null, filter, first, max);
    }

    /** As {@link #page(long, Status, int, int)}, limited to one batch when {@code batchId} is not null. */
    @Transactional
    public List<OutboxEntry> page(long siteId, String batchId, Status filter, int first, int max) {
        var q = em.createQuery("select e from OutboxEntry e where " + where(batchId, filter) + " order by e.id desc",
                OutboxEntry.class);
        bind(q, siteId, batchId, filter);
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }

    /** The number of rows {@link #page(long, Status, int, int)} pages through. */
    @Transactional
    public long count(long siteId, Status filter) {
        return count(siteId, null, filter);
    }

    /** The number of rows {@link #page(long, String, Status, int, int)} pages through. */
    @Transactional
    public long count(long siteId, String batchId, Status filter) {
        var q = em.createQuery("select count(e) from OutboxEntry e where " + where(batchId, filter), Long.class);
        bind(q, siteId, batchId, filter);
        return q.getSingleResult();
    }

    /**
     * One entry of the site.
     *
     * @throws NotFoundException when the site has no such entry
     */
    @Transactional
    public OutboxEntry get(long siteId, long entryId) {
        OutboxEntry e = em.find(OutboxEntry.class, entryId);
        if (e == null || !e.getSite().getId().equals(siteId)) {
            throw new NotFoundException("Mail");
        }
        return e;
    }

    /**
     * Makes every FAILED entry of the site (or of one batch) PENDING again, due now, with its attempts reset. One
     * conditional update: an entry that changed meanwhile is left alone.
     *
     * @param batchIdOrNull a batch, or null for every failed entry of the site
     * @return the number of entries queued again
     */
    @Transactional
    public int retryFailed(long siteId, String batchIdOrNull) {
        Instant now = clock.instant();
        var q = em.createQuery("update OutboxEntry e set e.status = :pending, e.attempts = 0, e.nextAttemptAt = :now"
                + " where e.site.id = :site and e.status = :failed"
                + (batchIdOrNull == null ? "" : " and e.batchId = :batch"));
        q.setParameter("pending", Status.PENDING).setParameter("now", now).setParameter("site", siteId)
                .setParameter("failed", Status.FAILED);
        if (batchIdOrNull != null) {
            q.setParameter("batch", batchIdOrNull);
        }
        int n = q.executeUpdate();
        if (n > 0) {
            enqueued.fire(new Enqueued(siteId, batchIdOrNull, n));
        }
        return n;
    }

    /**
     * Retries one entry: a FAILED entry becomes PENDING, due now, attempts reset; a PENDING entry waiting for its
     * next attempt becomes due now. A SENT entry is not sent twice, and a HELD one is never sent.
     *
     * @throws NotFoundException  when the site has no such entry
     * @throws BusinessException  {@code /problems/mail-state} (409, {@code error.mail.notRetryable}) when the entry
     *                            is SENT or HELD
     */
    @Transactional
    public void retry(long siteId, long entryId) {
        Instant now = clock.instant();
        int n = em.createQuery("update OutboxEntry e set e.status = :pending, e.attempts = 0, e.nextAttemptAt = :now"
                        + " where e.id = :id and e.site.id = :site and e.status = :failed")
                .setParameter("pending", Status.PENDING).setParameter("now", now).setParameter("id", entryId)
                .setParameter("site", siteId).setParameter("failed", Status.FAILED).executeUpdate();
        if (n == 0) {
            n = em.createQuery("update OutboxEntry e set e.nextAttemptAt = :now"
                            + " where e.id = :id and e.site.id = :site and e.status = :pending")
                    .setParameter("now", now).setParameter("id", entryId).setParameter("site", siteId)
                    .setParameter("pending", Status.PENDING).executeUpdate();
        }
        if (n == 0) {
            OutboxEntry e = get(siteId, entryId); // NotFoundException for another site's or a missing entry
            throw new BusinessException("/problems/mail-state", 409, "error.mail.notRetryable",
                    "Mail " + entryId + " is " + e.getStatus() + " and cannot be retried",
                    new org.eventcommerce.domain.common.Messages.Key("mail.status." + e.getStatus().name()));
        }
        enqueued.fire(new Enqueued(siteId, null, 1));
    }

    private static String where(String batchId, Status filter) {
        return "e.site.id = :site" + (batchId == null ? "" : " and e.batchId = :batch")
                + (filter == null ? "" : " and e.status = :status");
    }

    private static void bind(jakarta.persistence.TypedQuery<?> q, long siteId, String batchId, Status filter) {
        q.setParameter("site", siteId);
        if (batchId != null) {
            q.setParameter("batch", batchId);
        }
        if (filter != null) {
            q.setParameter("status", filter);
        }
    }
}
