package org.eventcommerce.domain.security;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Deletes failed-attempt rows older than 30 days, hourly, on every instance (a delete by time is harmless twice).
 * The throttle only looks at its window (minutes); the administrator's view keeps a month.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class FailedAttemptPurge {

    private static final Logger LOG = System.getLogger(FailedAttemptPurge.class.getName());

    @Inject
    AttemptThrottle throttle;

    @Schedule(minute = "17", hour = "*", persistent = false)
    void hourly() {
        try {
            int n = throttle.purgeOlderThan(Duration.ofDays(30));
            if (n > 0) {
                LOG.log(Level.INFO, "Deleted {0} failed-attempt rows older than 30 days", n);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Failed-attempt purge failed; the next hour retries", e);
        }
    }
}
