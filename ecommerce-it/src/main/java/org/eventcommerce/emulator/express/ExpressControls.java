package org.eventcommerce.emulator.express;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Express Checkout test controls, callable from Java ({@link ExpressCheckoutEmulator#controls()}) and through
 * {@code /control/ec/...} ({@link ExpressControlEndpoint}):
 * <ul>
 *   <li>{@link #failFundingNext(int)}: the next K DoExpressCheckoutPayment calls that would succeed answer 10486
 *       (funding failure); the buyer must then approve again with the same token (§3.4);</li>
 *   <li>{@link #pendNext(String, int)}: the next K payments (DoExpressCheckoutPayment) are
 *       {@code Pending} with that PENDINGREASON (e.g. {@code paymentreview}, {@code multi-currency});</li>
 *   <li>{@link #expire(String)}: a token answers 10411 from now on; {@link #advanceClock(Duration)} and
 *       {@link #setClock(Instant)} move the clock (tokens live 3 hours, §3.3);</li>
 *   <li>{@link #approve(String)}: the buyer approves without the page;</li>
 *   <li>{@link #settlePending(String, boolean)}: PayPal completes or denies a pending payment;</li>
 *   <li>{@link #permit}/{@link #revoke}: the merchants who granted permission; {@link #reset()}.</li>
 * </ul>
 * Counts are consumed only by calls that pass validation (credentials, token, amounts).
 */
public final class ExpressControls {

    private final ExpressStore store;
    private final ExpressClock clock;
    private final PermittedMerchants merchants;
    private final PermittedMerchants initialMerchants;
    private final Buyer buyer;

    private int failFunding;
    private int pending;
    private String pendingReason = "paymentreview";

    ExpressControls(ExpressStore store, ExpressClock clock, PermittedMerchants merchants, Buyer buyer) {
        this.store = store;
        this.clock = clock;
        this.merchants = merchants;
        this.buyer = buyer;
        this.initialMerchants = PermittedMerchants.none();
        merchants.describe().forEach(line -> {
            String[] parts = line.split(" ");
            initialMerchants.permit(parts[0], parts[1]);
        });
    }

    /** The next {@code count} successful DoExpressCheckoutPayment calls answer 10486 instead. */
    public synchronized ExpressControls failFundingNext(int count) {
        requireNonNegative(count);
        failFunding = count;
        return this;
    }

    /** The next {@code count} payments are Pending with {@code reason}. */
    public synchronized ExpressControls pendNext(String reason, int count) {
        requireNonNegative(count);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        pendingReason = reason;
        pending = count;
        return this;
    }

    /**
     * PayPal settles a pending payment (a sale or capture answered {@code Pending} with a reason other than
     * {@code authorization}): {@code Completed} (e.g. the eCheck cleared, the review passed) or {@code Denied}; from
     * then on GetTransactionDetails reports that PAYMENTSTATUS with PENDINGREASON {@code None} [NVP-2013
     * "PaymentInfoType Fields"].
     *
     * @param transactionId the payment's TRANSACTIONID
     * @param completed     true for Completed, false for Denied
     * @return false when no such payment is pending
     */
    public boolean settlePending(String transactionId, boolean completed) {
        return store.atomically(() -> store.transactions().stream()
                .filter(t -> t.id.equals(transactionId) && t.kind != EcTransaction.Kind.AUTHORIZATION
                        && t.kind != EcTransaction.Kind.REFUND && "Pending".equals(t.paymentStatus))
                .findFirst().map(t -> {
                    t.paymentStatus = completed ? "Completed" : "Denied";
                    t.pendingReason = "None";
                    return true;
                }).orElse(false));
    }

    /** Makes {@code token} expired; false when unknown. */
    public boolean expire(String token) {
        return store.atomically(() -> store.checkout(token).map(c -> {
            c.forcedExpired = true;
            return true;
        }).orElse(false));
    }

    /** Moves the Express Checkout clock forward (or back). */
    public void advanceClock(Duration amount) {
        clock.advance(amount);
    }

    /** Sets the Express Checkout clock. */
    public void setClock(Instant now) {
        clock.set(now);
    }

    /** The Express Checkout clock's time. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * The default buyer approves {@code token} as if on the page.
     *
     * @return the PayerID, empty when the token is unknown or expired
     */
    public Optional<String> approve(String token) {
        return store.atomically(() -> store.checkout(token).filter(c -> !c.expiredAt(clock.instant()) && !c.completed())
                .map(c -> {
                    buyer.approve(c);
                    return c.payerId;
                }));
    }

    /** Grants permission for {@code email} (account country {@code country}). */
    public void permit(String email, String country) {
        merchants.permit(email, country);
    }

    /** Withdraws permission; true if it was granted. */
    public boolean revoke(String email) {
        return merchants.revoke(email);
    }

    /** {@code email country} per permitted merchant. */
    public List<String> merchants() {
        return merchants.describe();
    }

    /** Forgets checkouts, transactions and MSGSUBIDs, clears the controls, resets the clock and the merchant list. */
    public void reset() {
        synchronized (this) {
            failFunding = 0;
            pending = 0;
            pendingReason = "paymentreview";
        }
        clock.reset();
        store.clear();
        merchants.clear();
        initialMerchants.describe().forEach(line -> {
            String[] parts = line.split(" ");
            merchants.permit(parts[0], parts[1]);
        });
    }

    synchronized boolean takeFundingFailure() {
        if (failFunding <= 0) {
            return false;
        }
        failFunding--;
        return true;
    }

    synchronized Optional<String> takePendingReason() {
        if (pending <= 0) {
            return Optional.empty();
        }
        pending--;
        return Optional.of(pendingReason);
    }

    private static void requireNonNegative(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }
}
