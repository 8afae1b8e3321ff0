package org.eventcommerce.web.portal;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Waits a bounded time for something read from the database to settle, by reading it again at a fixed pace. The
 * caller decides on the value returned, which is always the last one tested: deciding on a fresh read instead
 * could act on a state the wait never saw (the payment page did, and called a payment that the other tab had just
 * started "unconfirmed").
 */
final class Waiting {

    private Waiting() {
    }

    /**
     * {@code first} when it is not {@code busy}; else {@code again} applied (after sleeping {@code poll}) to the last
     * value until one is not busy or {@code wait} has passed, and then the last value read.
     *
     * @param wait the longest time to wait (measured on {@link System#nanoTime()})
     * @param poll the pause between two reads
     * @return the last value tested by {@code busy}; busy only when {@code wait} ran out (or the thread was
     * interrupted, which stays set)
     */
    static <S> S until(S first, UnaryOperator<S> again, Predicate<S> busy, Duration wait, Duration poll) {
        S last = first;
        long deadline = System.nanoTime() + wait.toNanos();
        while (busy.test(last) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = again.apply(last);
        }
        return last;
    }
}
