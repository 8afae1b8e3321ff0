package org.eventcommerce.domain.payment.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.payment.FollowOnChannel;
import org.eventcommerce.domain.payment.FollowOnChannels;
import org.eventcommerce.domain.payment.FollowOnRecorder;
import org.eventcommerce.domain.payment.GatewayFactory;
import org.eventcommerce.domain.payment.HeldPaymentService;
import org.eventcommerce.domain.payment.PaymentRecorder;
import org.eventcommerce.domain.payment.PaymentService;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.payment.SettledBy;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentGateway;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.express.CheckoutDetails;
import org.eventcommerce.payments.express.CheckoutStatus;
import org.eventcommerce.payments.express.ExpressCheckoutConnector;
import org.eventcommerce.payments.payflow.PayflowConnector;

/**
 * The reconciler (DESIGN.md "The payment lifecycle" step 5, "Scaling out"; issue 5 "Payments never lost, never
 * doubled"): settles the transactions a crash, a timeout or a provider's hold left open, PENDING (older than the grace
 * period), UNKNOWN and HELD, by asking the provider, in the transaction's own operating mode and currency, with the
 * site's credentials for that mode.
 *
 * <p><b>Any instance may run it.</b> {@link ReconcileClaims} takes a small batch with {@code SELECT … FOR UPDATE SKIP
 * LOCKED} and stamps a lease on the rows in a short transaction; the provider calls happen after that commit, outside
 * any lock; the outcome is written in a new transaction under the lock on the order, only if the transaction is still
 * open and unchanged since it was read (an answer that arrived meanwhile wins), and exactly as the transaction's own
 * answer would have been written ({@link PaymentRecorder#settleIfUnchanged}, {@link FollowOnRecorder#completeIfUnchanged},
 * {@link PaymentRecorder#acceptHeld}): the order paid once, the entitlement granted once, the promotion-code use
 * confirmed or released. A lease of an instance that died expires ({@link ReconcilerSettings#lease()}) and another
 * instance takes the row. Passes run every minute on every instance ({@link ReconcilerTimer}) and on the
 * administrator's "Reconcile now" ({@link #runNow}).
 *
 * <p><b>How each open transaction is settled</b> (rules from PayPal's guides, sources in paypal-protocols.md):
 * <ul>
 *   <li>Card payments and Express Checkout through Payflow: a Payflow inquiry by the attempt's CUSTREF, unique to the
 *       attempt [PFP-2009 pp.38-40; §1.8], read by {@link InquiryVerdict}: found with our amount → its outcome; found
 *       with another amount, currency or PNREF → an alert and nothing recorded; not found (RESULT 20) → NOT_SENT
 *       (nothing charged, the attendee may pay again) once the attempt is older than the grace period; otherwise
 *       unresolved.</li>
 *   <li>Classic Express Checkout after DoExpressCheckoutPayment was sent: GetExpressCheckoutDetails on the token, then
 *       GetTransactionDetails on the transaction it names; {@code PaymentActionNotInitiated} means not paid ("Any
 *       value other than PaymentCompleted indicates that the payment has not completed" [EC-2012 "Timeouts" p.26]),
 *       {@code PaymentActionFailed} declined. The reconciler never sends DoExpressCheckoutPayment itself: it does not
 *       charge a buyer who has left.</li>
 *   <li>Express Checkout attempts still waiting for the buyer on PayPal's page: nothing can be paid before our return
 *       sends DoExpressCheckoutPayment, and PayPal's token lives 3 hours; after that the attempt is closed as
 *       abandoned (no provider call), and a classic attempt without a token (SetExpressCheckout never answered) at
 *       once. Hosted-page attempts: an inquiry by CUSTREF; none found once the Secure Token
 *       expired (30 min, §1.7, plus the grace period) → closed as abandoned.</li>
 *   <li>HELD payments (Payflow RESULT 126, PayPal Pending): the inquiry of the held-payments page (Payflow by PNREF,
 *       classic GetTransactionDetails; {@link HeldPaymentService#finding}); approved, settling or completed → accepted
 *       (paid, granted); refused → DECLINED; still held → unresolved, asked again later.</li>
 *   <li>Refunds, voids, captures: Payflow by their own CUSTREF as above; classic Express Checkout by resending the same
 *       call with the same MSGSUBID, which PayPal answers with the first outcome instead of doing it twice [§3.5]; a
 *       delayed classic refund (HELD) by GetTransactionDetails on the refund's transaction id.</li>
 * </ul>
 * What cannot be settled stays open with its reason and is asked again after a back-off (1 min, doubling, at most 6 h;
 * {@link ReconcilerSettings}); every answer that disagrees with our record raises a {@link ReconciliationAlert}. A
 * transaction of another provider than the site's current one cannot be asked (the credentials are the current
 * provider's; {@link FollowOnChannels}) and stays unresolved with that reason.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = System.getLogger(Reconciler.class.getName());

    /** This instance, as a lease names it: host, process id, and a random part for a restart on the same pid. */
    static final String INSTANCE = instance();

    @Inject
    ReconcilerSettings tuning;

    @Inject
    ReconcileClaims claims;

    @Inject
    ReconcileBook book;

    @Inject
    PaymentRecorder payments;

    @Inject
    FollowOnRecorder followOns;

    @Inject
    FollowOnChannels channels;

    @Inject
    GatewayFactory gateways;

    @Inject
    SettingsService settings;

    @Inject
    Clock clock;

    /**
     * What one pass did.
     *
     * @param taken      transactions claimed and looked at
     * @param settled    of which settled (paid, declined, not sent, accepted, closed as abandoned)
     * @param unresolved of which still open, with their reason
     */
    public record Pass(int taken, int settled, int unresolved) {
    }

    private enum Result { SETTLED, UNRESOLVED, SKIPPED }

    /** The scheduled pass over every site: due transactions, batch after batch, at most the configured number. */
    public Pass runOnce() {
        Instant start = clock.instant();
        return run(start, () -> {
            Instant now = clock.instant();
            return claims.claimDue(now, now.minus(tuning.grace()), start, tuning.batchSize(), INSTANCE,
                    now.plus(tuning.lease()));
        });
    }

    /**
     * "Reconcile now" (the administrator, {@code POST /api/v1/reconciliation/runs}): the same pass over site
     * {@code siteId}'s open transactions, whatever their back-off (PENDING ones still only once older than the grace
     * period, and none another instance holds).
     */
    public Pass runNow(long siteId) {
        Instant start = clock.instant();
        return run(start, () -> {
            Instant now = clock.instant();
            return claims.claimForSite(siteId, now, now.minus(tuning.grace()), start, tuning.batchSize(), INSTANCE,
                    now.plus(tuning.lease()));
        });
    }

    private Pass run(Instant start, java.util.function.Supplier<List<Long>> claim) {
        int taken = 0;
        int settled = 0;
        int unresolved = 0;
        while (taken < tuning.maxPerPass()) {
            List<Long> ids = claim.get();
            if (ids.isEmpty()) {
                break;
            }
            for (Long id : ids) {
                taken++;
                switch (reconcile(id)) {
                    case SETTLED -> settled++;
                    case UNRESOLVED -> unresolved++;
                    case SKIPPED -> { }
                }
            }
        }
        if (taken > 0) {
            LOG.log(Level.INFO, "Reconciliation pass: {0} looked at, {1} settled, {2} unresolved", taken, settled,
                    unresolved);
        }
        return new Pass(taken, settled, unresolved);
    }

    /** Settles one claimed transaction, or books why not. Never throws. */
    private Result reconcile(long id) {
        PaymentTransaction t = payments.get(id);
        if (t == null) {
            return Result.SKIPPED;
        }
        if (t.getStatus().isFinal()) {
            book.release(id, INSTANCE);
            return Result.SKIPPED;
        }
        try {
            CommerceConfiguration config = settings.get(t.getSite().getId());
            if (t.getProviderType() != config.getProviderType()) {
                return later(t, "Taken by " + t.getProviderType() + ", not the site's current provider ("
                        + config.getProviderType() + "): the credentials on file cannot ask about it; settle it in "
                        + "that provider's account", List.of());
            }
            return switch (t.getKind()) {
                case SALE, AUTHORIZATION -> t.getStatus() == PaymentStatus.HELD ? held(t, config) : payment(t, config);
                case CREDIT, VOID, CAPTURE -> t.getStatus() == PaymentStatus.HELD ? heldFollowOn(t, config)
                        : followOn(t, config);
                default -> later(t, "The reconciler does not settle " + t.getKind() + " transactions", List.of());
            };
        } catch (BusinessException e) {
            return later(t, e.getMessage(), List.of());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciling transaction " + t.getPublicId() + " failed", e);
            return later(t, "Reconciler error: " + e, List.of());
        }
    }

    // Payments (sales, authorizations) left PENDING or UNKNOWN.

    private Result payment(PaymentTransaction t, CommerceConfiguration config) {
        Instant now = clock.instant();
        if (t.isAwaitingBuyer()) {
            Instant expiry = ReconcileRules.expressCheckoutExpiry(t.getCreatedAt());
            if (now.isBefore(expiry)) {
                return later(t, "With the buyer on PayPal's page; the checkout token lives until " + expiry,
                        expiry.plusSeconds(60), List.of());
            }
            return closed(t, "Abandoned: PayPal's checkout token expired (3 h) without the buyer's approval; "
                    + "nothing was paid");
        }
        if (!t.getProviderType().usesPayflow() && t.getCheckoutToken() == null) {
            // SetExpressCheckout never answered (or we stopped before keeping its token): there is no checkout the
            // buyer could have approved, and only our DoExpressCheckoutPayment could take money.
            return closed(t, "Abandoned: no PayPal checkout was started for this attempt; nothing was paid");
        }
        InquiryVerdict v;
        String asked;
        if (t.getProviderType().usesPayflow()) {
            asked = "Payflow inquiry by CUSTREF " + t.getCustRef();
            v = InquiryVerdict.of(PaymentService.ours(t), payflow(t, config).execute(
                    PaymentRequest.inquiryByCustRef(Attempt.newAttempt(), t.getAmount(), t.getCustRef())));
        } else {
            asked = "GetExpressCheckoutDetails on " + t.getCheckoutToken();
            v = classicPayment(t, config);
        }
        return switch (v.outcome()) {
            case SETTLE -> settled(t, payments.settleIfUnchanged(t.getId(), t.getUpdatedAt(), v.status(),
                    v.reference(), v.resultCode(), v.message(), v.disagreements()));
            case NOT_FOUND -> notFound(t, v, asked, now);
            case UNDECIDED -> later(t, asked + ": " + v.message(), v.disagreements());
        };
    }

    /** Nothing found for the attempt: closed once it cannot be in flight any more (class comment). */
    private Result notFound(PaymentTransaction t, InquiryVerdict v, String asked, Instant now) {
        if (t.getStatus() == PaymentStatus.PENDING && t.getSecureTokenId() != null) {
            Instant expiry = ReconcileRules.hostedPageExpiry(t.getCreatedAt(), tuning.grace());
            if (now.isBefore(expiry)) {
                return later(t, "With the buyer on PayPal's hosted page; its secure token can be paid with until "
                        + expiry, expiry, List.of());
            }
            return closed(t, "Abandoned: the secure token expired and " + asked + " found no payment");
        }
        if (!ReconcileRules.settledByAbsence(t.getUpdatedAt(), now, tuning.grace())) {
            return later(t, asked + " found nothing yet; it is asked again once the attempt is "
                    + tuning.grace().toSeconds() + " s old", t.getUpdatedAt().plus(tuning.grace()), List.of());
        }
        return settled(t, payments.settleIfUnchanged(t.getId(), t.getUpdatedAt(), PaymentStatus.NOT_SENT, null,
                v.resultCode(), "Not found by " + asked + ": it never reached the provider and nothing was charged",
                List.of()));
    }

    /** Classic Express Checkout after the payment call was sent (class comment). */
    private InquiryVerdict classicPayment(PaymentTransaction t, CommerceConfiguration config) {
        ExpressCheckoutConnector c = express(config, t);
        CheckoutDetails d = c.getExpressCheckoutDetails(t.getCheckoutToken());
        if (d.transactionId() != null) {
            return InquiryVerdict.of(PaymentService.ours(t),
                    c.getTransactionDetails(d.transactionId(), t.getAmount().currency()).toPaymentResult());
        }
        if (d.outcome().status() == PaymentStatus.APPROVED) {
            if (d.checkoutStatus() == CheckoutStatus.PAYMENT_ACTION_NOT_INITIATED) {
                return new InquiryVerdict(InquiryVerdict.Outcome.NOT_FOUND, null, null, null,
                        "PayPal reports PaymentActionNotInitiated", List.of());
            }
            if (d.checkoutStatus() == CheckoutStatus.PAYMENT_ACTION_FAILED) {
                return new InquiryVerdict(InquiryVerdict.Outcome.SETTLE, PaymentStatus.DECLINED, null, null,
                        "Settled by GetExpressCheckoutDetails: PaymentActionFailed", List.of());
            }
        }
        return new InquiryVerdict(InquiryVerdict.Outcome.UNDECIDED, null, null, d.outcome().errorCode(),
                "PayPal's checkout answers " + d.outcome().status() + " (" + d.checkoutStatus().wire() + " "
                        + (d.outcome().message() == null ? "" : d.outcome().message()) + ") and names no transaction",
                List.of());
    }

    // Payments held by the provider.

    private Result held(PaymentTransaction t, CommerceConfiguration config) {
        FollowOnChannel channel = channels.of(config, t);
        PaymentResult r = channel.inquire(t.getAmount(), t.getReference());
        boolean classic = channel.wire() == FollowOnChannel.Wire.EXPRESS_CHECKOUT;
        HeldPaymentService.Finding f = classic ? HeldPaymentService.expressFinding(r) : HeldPaymentService.finding(r);
        if (f.payPalStatus()) {
            followOns.recordInquiry(t.getId(), f.paymentStatus(), null, f.pendingReason());
        } else {
            followOns.recordInquiry(t.getId(), f.origResult(), f.transState(), f.message());
        }
        String said = classic ? "PAYMENTSTATUS " + f.paymentStatus() + ", PENDINGREASON " + f.pendingReason()
                : "ORIGRESULT " + f.origResult() + ", TRANSSTATE " + f.transState();
        if (!f.found()) {
            return later(t, "The inquiry on the held payment " + t.getReference() + " answered " + r.status() + " ("
                    + r.message() + ")", List.of());
        }
        List<Disagreement> disagreements = Disagreement.between(PaymentService.ours(t), f.status(), r.reference(),
                r.amount(), r.fields());
        if (Disagreement.blocking(disagreements)) {
            return later(t, "The inquiry on the held payment disagrees with our record ("
                    + Disagreement.describe(disagreements) + ")", disagreements);
        }
        if (f.status() == PaymentStatus.DECLINED) {
            return settled(t, payments.settleIfUnchanged(t.getId(), null, PaymentStatus.DECLINED, null, null,
                    "Refused by PayPal; the reconciler's inquiry: " + said, disagreements));
        }
        if (f.acceptable()) {
            try {
                payments.acceptHeld(t.getId(), "Accepted by the reconciler; inquiry: " + said, SettledBy.RECONCILER);
                return Result.SETTLED;
            } catch (BusinessException changedMeanwhile) {
                book.release(t.getId(), INSTANCE);
                return Result.SKIPPED;
            }
        }
        return later(t, "Still held by PayPal (" + said + ")", disagreements);
    }

    /** A delayed classic refund (HELD): GetTransactionDetails on the refund's own transaction id. */
    private Result heldFollowOn(PaymentTransaction t, CommerceConfiguration config) {
        FollowOnChannel channel = channels.of(config, t.getOriginal());
        if (t.getReference() == null) {
            return later(t, "Held without a provider reference to ask about", List.of());
        }
        PaymentResult r = channel.inquire(t.getAmount(), t.getReference());
        if (r.status() != PaymentStatus.APPROVED || r.originalStatus() == null) {
            return later(t, "The inquiry on " + t.getReference() + " answered " + r.status() + " (" + r.message()
                    + ")", List.of());
        }
        PaymentStatus found = r.originalStatus();
        if (found == PaymentStatus.APPROVED || found == PaymentStatus.DECLINED) {
            return settled(t, followOns.completeIfUnchanged(t.getId(), null, new PaymentResult(found, r.resultCode(),
                    "Settled by the reconciler's inquiry: " + r.message(), t.getReference(), null, r.amount(), false,
                    null, r.fields()), List.of()));
        }
        return later(t, "PayPal has not made the " + t.getKind().name().toLowerCase(java.util.Locale.ROOT)
                + " yet (" + r.message() + ")", List.of());
    }

    // Refunds, voids, captures left PENDING or UNKNOWN.

    private Result followOn(PaymentTransaction t, CommerceConfiguration config) {
        PaymentTransaction original = t.getOriginal();
        FollowOnChannel channel = channels.of(config, original);
        if (channel.wire() != FollowOnChannel.Wire.EXPRESS_CHECKOUT) {
            PayflowConnector c = gateways.payflow(config, t.getMode());
            PaymentGateway g = original.isPayPal() ? c.payPalTender() : c;
            PaymentResult inquiry = g.execute(PaymentRequest.inquiryByCustRef(Attempt.newAttempt(), t.getAmount(),
                    t.getCustRef()));
            InquiryVerdict v = InquiryVerdict.of(PaymentService.ours(t), inquiry);
            String asked = "Payflow inquiry by CUSTREF " + t.getCustRef();
            return switch (v.outcome()) {
                case SETTLE -> settled(t, followOns.completeIfUnchanged(t.getId(), t.getUpdatedAt(),
                        new PaymentResult(v.status(), v.resultCode(), v.message(), v.reference(), inquiry.authCode(),
                                inquiry.amount(), false, null, inquiry.fields()), v.disagreements()));
                case NOT_FOUND -> ReconcileRules.settledByAbsence(t.getUpdatedAt(), clock.instant(), tuning.grace())
                        ? settled(t, followOns.completeIfUnchanged(t.getId(), t.getUpdatedAt(), PaymentResult.notSent(
                                "Not found by " + asked + ": it never reached Payflow"), List.of()))
                        : later(t, asked + " found nothing yet", t.getUpdatedAt().plus(tuning.grace()), List.of());
                case UNDECIDED -> later(t, asked + ": " + v.message(), v.disagreements());
            };
        }
        // Classic Express Checkout: the same call with the same MSGSUBID is answered with the first outcome (§3.5).
        String originalRef = original.getReference();
        Attempt attempt = t.attempt();
        PaymentResult r = switch (t.getKind()) {
            case CREDIT -> channel.credit(attempt, t.getAmount(), originalRef,
                    t.getAmount().equals(original.getAmount()));
            case VOID -> channel.voidOf(attempt, t.getAmount(), originalRef);
            default -> channel.capture(attempt, t.getAmount(), originalRef);
        };
        if (r.status() == PaymentStatus.UNKNOWN || r.status() == PaymentStatus.NOT_SENT) {
            Optional<PaymentResult> looked = switch (t.getKind()) {
                case VOID -> channel.settleVoid(attempt, t.getAmount(), originalRef);
                default -> Optional.empty();
            };
            if (looked.isEmpty()) {
                return later(t, "PayPal did not answer the resend with the same MSGSUBID: " + r.message(), List.of());
            }
            r = looked.get();
        }
        return settled(t, followOns.completeIfUnchanged(t.getId(), t.getUpdatedAt(), r, List.of()));
    }

    // Helpers.

    private PaymentGateway payflow(PaymentTransaction t, CommerceConfiguration config) {
        PayflowConnector c = PaymentService.configured(() -> gateways.payflow(config, t.getMode()));
        return t.isPayPal() ? c.payPalTender() : c;
    }

    private ExpressCheckoutConnector express(CommerceConfiguration config, PaymentTransaction t) {
        return PaymentService.configured(() -> gateways.express(config, t.getMode()).orElseThrow(() ->
                new IllegalStateException("The server has no PayPal API credentials for " + t.getMode())));
    }

    private Result closed(PaymentTransaction t, String message) {
        return settled(t, payments.closeUnpaidIfUnchanged(t.getId(), t.getUpdatedAt(), PaymentRecorder.ABANDONED,
                message));
    }

    private Result settled(PaymentTransaction t, Optional<PaymentTransaction> written) {
        if (written.isEmpty()) {
            book.release(t.getId(), INSTANCE);
            return Result.SKIPPED;
        }
        LOG.log(Level.INFO, "Reconciled transaction {0} ({1} of order {2}): {3}", t.getPublicId(), t.getKind(),
                t.getOrder().getPublicId(), written.get().getStatus());
        return Result.SETTLED;
    }

    private Result later(PaymentTransaction t, String reason, List<Disagreement> disagreements) {
        return later(t, reason, clock.instant().plus(tuning.backoff(t.getReconcileAttempts() + 1)), disagreements);
    }

    private Result later(PaymentTransaction t, String reason, Instant dueAt, List<Disagreement> disagreements) {
        book.later(t.getId(), reason, dueAt, disagreements);
        return Result.UNRESOLVED;
    }

    private static String instance() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "host";
        }
        String id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }
}
