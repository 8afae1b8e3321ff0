package org.eventcommerce.web.api;

import jakarta.persistence.OptimisticLockException;

/**
 * Whether a failure is a write that lost the race on a row's version: another request saved the same row (the
 * settings, an offering) between our read and our commit. The transaction rolled back, so nothing of the losing
 * request was written; the caller may read again and retry. The API answers 409, the portal a message.
 */
public final class LostRace {

    private LostRace() {
    }

    /** True when {@code failure} or any of its causes is a {@link OptimisticLockException}. */
    public static boolean is(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
