package org.eventcommerce.emulator;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The test controls of the emulator (DESIGN.md, "The PayPal emulator"), callable from Java and through
 * {@code /control/...} ({@link ControlEndpoint}).
 *
 * <p>Counts are consumed by Payflow answers as they happen:
 * <ul>
 *   <li>{@link #delayNext}, {@link #holdNext} and {@link #dropNext} apply to the next answers of the Payflow
 *       endpoint whatever their RESULT (duplicates and errors included), always after the transaction was
 *       processed and recorded;</li>
 *   <li>{@link #forceResult} applies to the next sale, authorization, capture, void or credit that passes
 *       request validation (credentials, syntax, fields, references), replacing the outcome the pilot
 *       amount rules (paypal-protocols.md §1.10) would give; 0 and 126 approve (126 held for review),
 *       anything else declines with that code. Inquiries are never forced;</li>
 *   <li>{@link #replayAnotherNext} applies to the next sale, authorization, capture, void or credit that passes
 *       authentication: it is <em>not</em> processed (nothing is recorded) and is answered with the replay
 *       ({@code DUPLICATE=1}) of another, approved transaction of a different amount, as if its
 *       {@code X-VPS-REQUEST-ID} had been used before (the request id collisions of angelleye/paypal-woocommerce#97);
 *       the request id keeps that answer, so a resend of the same attempt gets the same replay. Inquiries are never
 *       replayed.</li>
 * </ul>
 */
public final class EmulatorControl {

    private final TransactionLedger ledger;
    private final DuplicateRequestGuard duplicates;
    private final HoldGate holdGate;

    private long delayMillis;
    private int delayCount;
    private int holdCount;
    private int dropCount;
    private int forcedResult;
    private int forcedCount;
    private int pendingCount;
    private java.math.BigDecimal replayAmount;
    private int replayCount;
    private final java.util.List<Runnable> resetters = new java.util.concurrent.CopyOnWriteArrayList<>();

    EmulatorControl(TransactionLedger ledger, DuplicateRequestGuard duplicates, HoldGate holdGate) {
        this.ledger = ledger;
        this.duplicates = duplicates;
        this.holdGate = holdGate;
    }

    /** Delays the next {@code count} answers by {@code millis} ms (after processing and recording). */
    public synchronized EmulatorControl delayNext(long millis, int count) {
        requireNonNegative(millis, "millis");
        requireNonNegative(count, "count");
        this.delayMillis = millis;
        this.delayCount = count;
        return this;
    }

    /** Delays the next {@code count} answers (after processing and recording). */
    public EmulatorControl delayNext(Duration delay, int count) {
        return delayNext(delay.toMillis(), count);
    }

    /** The next {@code count} requests are processed and recorded, then their answers wait for {@link #release()}. */
    public synchronized EmulatorControl holdNext(int count) {
        requireNonNegative(count, "count");
        this.holdCount = count;
        return this;
    }

    /** Sends every held answer and cancels any hold not yet used; returns how many answers were released. */
    public int release() {
        synchronized (this) {
            holdCount = 0;
        }
        return holdGate.releaseAll();
    }

    /** The next {@code count} requests are processed and recorded, then the connection closes without an answer. */
    public synchronized EmulatorControl dropNext(int count) {
        requireNonNegative(count, "count");
        this.dropCount = count;
        return this;
    }

    /** The next {@code count} transactions get this RESULT (see the class comment). */
    public synchronized EmulatorControl forceResult(int result, int count) {
        requireNonNegative(count, "count");
        this.forcedResult = result;
        this.forcedCount = count;
        return this;
    }

    /**
     * The next {@code count} approved Express Checkout payments (Payflow {@code ACTION=D}) answer
     * {@code PAYMENTTYPE=echeck&PENDINGREASON=echeck}: "not guaranteed" (PFP-EC p.17, §1.9).
     */
    public synchronized EmulatorControl pendingNext(int count) {
        requireNonNegative(count, "count");
        this.pendingCount = count;
        return this;
    }

    /**
     * The next {@code count} sales, authorizations, captures, voids or credits are answered, without being processed,
     * with the {@code DUPLICATE=1} replay of another approved transaction of {@code amount} (class comment).
     *
     * @param amount the replayed transaction's AMT ({@code #####.##}), positive
     */
    public synchronized EmulatorControl replayAnotherNext(java.math.BigDecimal amount, int count) {
        requireNonNegative(count, "count");
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        this.replayAmount = amount;
        this.replayCount = count;
        return this;
    }

    /** The merchant accepts the held-for-review transaction {@code pnref}; see {@link TransactionLedger#acceptReview}. */
    public boolean acceptReview(String pnref) {
        return ledger.acceptReview(pnref);
    }

    /** Marks approved sales, captures and credits settled: voiding them then answers 108 (§1.6). */
    public int settle() {
        return ledger.settleAll();
    }

    /**
     * Forgets all transactions, request ids, secure tokens and Express Checkout sessions, clears every control and
     * releases held answers.
     */
    public void reset() {
        synchronized (this) {
            delayMillis = 0;
            delayCount = 0;
            holdCount = 0;
            dropCount = 0;
            forcedResult = 0;
            forcedCount = 0;
            pendingCount = 0;
            replayAmount = null;
            replayCount = 0;
        }
        resetters.forEach(Runnable::run);
        holdGate.releaseAll();
        duplicates.clear();
        ledger.clear();
    }

    /** How many answers are held right now. */
    public int heldCount() {
        return holdGate.waiting();
    }

    /** Waits until at least {@code count} answers are held; false on timeout. */
    public boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
        return holdGate.awaitWaiting(count, timeout);
    }

    /** Takes the plan for the next answer, consuming one unit of each active control. */
    synchronized AnswerPlan takeAnswerPlan() {
        long delay = 0;
        if (delayCount > 0) {
            delayCount--;
            delay = delayMillis;
        }
        boolean hold = holdCount > 0;
        if (hold) {
            holdCount--;
        }
        boolean drop = dropCount > 0;
        if (drop) {
            dropCount--;
        }
        return delay == 0 && !hold && !drop ? AnswerPlan.IMMEDIATE : new AnswerPlan(delay, hold, drop);
    }

    /** Takes the forced RESULT for the next transaction, if one is set. */
    synchronized OptionalInt takeForcedResult() {
        if (forcedCount <= 0) {
            return OptionalInt.empty();
        }
        forcedCount--;
        return OptionalInt.of(forcedResult);
    }

    /** Takes one unit of {@link #replayAnotherNext}: the amount to replay, or empty. */
    synchronized java.util.Optional<java.math.BigDecimal> takeReplay() {
        if (replayCount <= 0) {
            return java.util.Optional.empty();
        }
        replayCount--;
        return java.util.Optional.of(replayAmount);
    }

    /** Takes one unit of {@link #pendingNext}; true when the payment is to be pending. */
    synchronized boolean takePending() {
        if (pendingCount <= 0) {
            return false;
        }
        pendingCount--;
        return true;
    }

    /** Adds state that {@link #reset()} clears (secure tokens, Express Checkout sessions). */
    void onReset(Runnable resetter) {
        resetters.add(resetter);
    }

    /** Waits on the hold gate (used by the endpoint for a held answer). */
    void awaitRelease() {
        holdGate.await();
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
