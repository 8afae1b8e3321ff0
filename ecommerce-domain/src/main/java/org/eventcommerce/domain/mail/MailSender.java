package org.eventcommerce.domain.mail;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background mail sender: every 5 seconds, and right after a transaction that queued mail commits, it sends
 * the outbox's due PENDING rows ({@link OutboxWorker}). Any instance may run it at the same time as others: rows
 * are taken with {@code FOR UPDATE SKIP LOCKED}, so each row is sent by one instance (DESIGN.md "Scaling out").
 * It only orchestrates; the SMTP work is {@link SmtpTransport}'s and the transactions are {@link OutboxWorker}'s.
 *
 * <p>Within one instance the timer and the after-commit kick never run two passes at once (a kick during a pass
 * makes the pass look once more); {@link #sendDueNow()} runs a pass whenever it is called.
 * {@code ecommerce.mail.enabled=false} ({@link MailConfig}) stops the timer and the kick.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    /** A pass stops taking new batches after this long, leaving the rest to the next one. */
    private static final Duration PASS_BUDGET = Duration.ofMinutes(2);

    @Inject
    MailConfig config;

    @Inject
    OutboxWorker worker;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** The timer: a pass every 5 seconds, skipped while this instance's previous pass still runs. */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (config.enabled()) {
            drain();
        }
    }

    /**
     * A pass now (unless one is running on this instance, which then runs once more), for {@link MailKick}
     * after a transaction queued mail, so mail leaves at once instead of at the next tick.
     */
    public void drainNow() {
        if (config.enabled()) {
            drain();
        }
    }

    /**
     * Sends every due PENDING row now, batch after batch ({@code ecommerce.mail.batch-size} rows per transaction)
     * until a batch comes back short or two minutes have passed; rows that fail wait for their backoff and are not
     * tried again in this pass. Runs whatever {@code ecommerce.mail.enabled} says and whether or not a background
     * pass is running (SKIP LOCKED keeps them apart). For integration tests and operators.
     *
     * @return the number of messages the SMTP server accepted in this pass
     */
    public int sendDueNow() {
        SmtpTransport transport = config.transport();
        int batchSize = config.batchSize();
        long deadline = System.nanoTime() + PASS_BUDGET.toNanos();
        int sent = 0;
        while (true) {
            OutboxWorker.Batch b = worker.sendBatch(transport, batchSize);
            sent += b.sent();
            if (b.taken() < batchSize || System.nanoTime() > deadline) {
                return sent;
            }
        }
    }

    /** One pass unless one is running here; a request during a pass makes that pass run once more. */
    private void drain() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                sendDueNow();
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail pass failed; the next one retries", e);
        } finally {
            running.set(false);
        }
    }
}
