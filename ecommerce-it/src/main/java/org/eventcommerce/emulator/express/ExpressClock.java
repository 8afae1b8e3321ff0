package org.eventcommerce.emulator.express;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's Express Checkout clock: a base clock plus an offset that tests move forward ("set the clock"
 * control) to reach the 3-hour token lifetime (§3.3) without waiting. Thread-safe.
 */
public final class ExpressClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ExpressClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock by {@code amount} (may be negative). */
    public void advance(Duration amount) {
        offset.updateAndGet(o -> o.plus(amount));
    }

    /** Sets the clock so that it reads {@code now} at this moment. */
    public void set(Instant now) {
        offset.set(Duration.between(base.instant(), now));
    }

    /** Back to the base clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
