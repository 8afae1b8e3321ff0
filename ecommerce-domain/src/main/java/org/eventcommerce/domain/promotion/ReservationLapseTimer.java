package org.eventcommerce.domain.promotion;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Runs {@link ReservationLapse} every minute on every instance (each order is locked, so runs never clash). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class ReservationLapseTimer {

    private static final Logger LOG = System.getLogger(ReservationLapseTimer.class.getName());

    @Inject
    ReservationLapse lapse;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        try {
            int n = lapse.runOnce();
            if (n > 0) {
                LOG.log(Level.INFO, "Released the promotion-code uses of {0} abandoned order(s)", n);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reservation lapse pass failed; the next pass retries", e);
        }
    }
}
