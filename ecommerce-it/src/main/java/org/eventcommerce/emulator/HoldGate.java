package org.eventcommerce.emulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps answers waiting until released: the "hold an answer" control of DESIGN.md ("The PayPal emulator").
 * A held answer belongs to a transaction that was already processed and recorded.
 */
final class HoldGate {

    private final AtomicInteger waiting = new AtomicInteger();
    private CompletableFuture<Void> gate = new CompletableFuture<>();

    /** Blocks the calling (answering) thread until {@link #releaseAll()}. */
    void await() {
        CompletableFuture<Void> current;
        synchronized (this) {
            current = gate;
            waiting.incrementAndGet();
        }
        try {
            current.join();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Lets every waiting answer go; returns how many were waiting. */
    synchronized int releaseAll() {
        int released = waiting.get();
        gate.complete(null);
        gate = new CompletableFuture<>();
        return released;
    }

    /** How many answers are waiting now. */
    int waiting() {
        return waiting.get();
    }

    /** Waits until at least {@code count} answers are held; false on timeout. */
    boolean awaitWaiting(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
