package org.eventcommerce.domain.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pass step of {@link MailSender}: takes up to N due PENDING rows and sends them, in one new transaction.
 *
 * <p>The rows are taken with {@link #TAKE_SQL} ({@code SELECT ... FOR UPDATE SKIP LOCKED}, DESIGN.md "Scaling
 * out"): rows another instance is sending are skipped, not waited for, so any number of instances can run the
 * sender and no row is sent by two of them at once. The row locks are held while the rows are sent and marked,
 * and released at commit. Delivery is at least once: if the process dies after the SMTP server accepted a message
 * but before the commit, the row is still PENDING and is sent again.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    /**
     * Up to N due PENDING rows, locked, skipping rows locked by others. Valid on H2 2.2 and PostgreSQL 15 (both accept
     * {@code LIMIT} before {@code FOR UPDATE ... SKIP LOCKED}; OutboxQueriesTest runs it on both). Parameters: 1 =
     * now, 2 = the most rows to take.
     *
     * <p>No {@code ORDER BY}, on purpose: H2 2.2 locks every row it reads before it sorts and applies the
     * {@code LIMIT} (unless the order comes from the primary key), so {@code order by id} over the index
     * {@code ix_outbox_due (status, next_attempt_at)} locked every due row and left nothing for a second instance;
     * without it, H2 and PostgreSQL read the index range and lock only the rows they return. The rows then come in
     * index order (the longest-due first) in practice; the order never matters for correctness, because a pass
     * keeps taking batches until none is due, and a failed row is pushed into the future by its backoff.
     */
    public static final String TAKE_SQL = "select id from mail_outbox where status = 'PENDING' and next_attempt_at <= ?"
            + " limit ? for update skip locked";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * What one batch did.
     *
     * @param taken  rows taken (locked) by this batch
     * @param sent   rows the SMTP server accepted
     * @param failed rows whose attempt failed (PENDING again later, or FAILED)
     */
    public record Batch(int taken, int sent, int failed) {
    }

    /**
     * Takes up to {@code max} due PENDING rows and sends each with {@code transport}, in a new transaction: SENT
     * (with {@code sentAt}) on success; on failure one more attempt with backoff, FAILED after
     * {@value OutboxEntry#MAX_ATTEMPTS} attempts or at once for a refused address. When the server cannot be
     * reached, the remaining rows of the batch get the same failure without another connection attempt each.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch sendBatch(SmtpTransport transport, int max) {
        Instant now = clock.instant();
        List<Long> ids = takeDue(now, max);
        if (ids.isEmpty()) {
            return new Batch(0, 0, 0);
        }
        List<OutboxEntry> entries = em.createQuery("select e from OutboxEntry e where e.id in :ids order by e.id",
                OutboxEntry.class).setParameter("ids", ids).getResultList();
        return send(entries, transport, clock, ids.size());
    }

    /**
     * Sends each PENDING entry over one connection and marks it; the rest of {@link #sendBatch} without the database.
     * When the server cannot be reached, the remaining entries get the same failure without a connection attempt
     * each; when a connection drops mid-way, the next entry connects again.
     *
     * @param taken what to report as {@link Batch#taken()}
     */
    static Batch send(List<OutboxEntry> entries, SmtpTransport transport, Clock clock, int taken) {
        int sent = 0;
        int failed = 0;
        SmtpTransport.Connection connection = null;
        MailSendException unreachable = null;
        try {
            for (OutboxEntry e : entries) {
                if (e.getStatus() != OutboxEntry.Status.PENDING) {
                    continue; // cannot happen under the lock; never send anything but PENDING
                }
                if (unreachable != null) {
                    e.markFailed(unreachable.describe(), false, clock.instant());
                    failed++;
                    continue;
                }
                try {
                    if (connection == null) {
                        connection = transport.open();
                    }
                    connection.send(e.toMessage());
                    e.markSent(clock.instant());
                    sent++;
                } catch (MailSendException ex) {
                    e.markFailed(ex.describe(), ex.isPermanent(), clock.instant());
                    failed++;
                    LOG.log(Level.WARNING, "Mail {0} to {1}: attempt {2} failed: {3}",
                            new Object[] {e.getId(), e.getRecipient(), e.getAttempts(), ex.describe()});
                    if (ex.isConnectionFailure() && connection == null) {
                        unreachable = ex; // could not even connect: do not try each remaining entry
                    } else if (ex.isConnectionFailure()) {
                        connection.close();
                        connection = null; // dropped mid-way: the next entry connects again
                    }
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return new Batch(taken, sent, failed);
    }

    /** Ids of up to {@code max} due PENDING rows, locked for this transaction ({@link #TAKE_SQL}). */
    List<Long> takeDue(Instant now, int max) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(TAKE_SQL).setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, max).getResultList();
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object o : rows) {
            Object v = o instanceof Object[] a ? a[0] : o;
            ids.add(((Number) v).longValue());
        }
        return ids;
    }
}
