package org.eventcommerce.domain.payment.reconcile;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a {@link Reconciler} pass every minute on every instance (a non-persistent timer: each instance has its own;
 * the rows are claimed with SKIP LOCKED and leases, so passes of several instances never settle a transaction twice),
 * unless {@code ecommerce.reconcile.scheduled} is false. A pass still running when the next minute comes (slow
 * provider answers) is not doubled on the same instance.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class ReconcilerTimer {

    private static final Logger LOG = System.getLogger(ReconcilerTimer.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    Reconciler reconciler;

    @Inject
    ReconcilerSettings settings;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        if (!settings.scheduled() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            reconciler.runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciliation pass failed; the next pass retries", e);
        } finally {
            running.set(false);
        }
    }
}
