package org.eventcommerce.domain.security;

import java.time.Duration;
import org.eventcommerce.domain.common.BusinessException;

/**
 * {@code /problems/too-many-attempts} (429, API.md): a subject passed the throttle's limit of failed attempts in
 * its window. {@link #retryAfter()} is how long until the oldest counted failure leaves the window (whole
 * seconds, at least one), for the {@code Retry-After} header; the message argument is the same in minutes.
 */
public class TooManyAttemptsException extends BusinessException {

    private final Duration retryAfter;

    public TooManyAttemptsException(String messageKey, Duration retryAfter) {
        super("/problems/too-many-attempts", 429, messageKey, "Too many failed attempts; try again later",
                Math.max(1, (retryAfter.toSeconds() + 59) / 60));
        this.retryAfter = retryAfter;
    }

    /** At least one second. */
    public Duration retryAfter() {
        return retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }
}
