package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.config.AppConfig;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.order.PaymentLinks;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.ProviderType;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.express.CheckoutDetails;
import org.eventcommerce.payments.express.CheckoutSetup;
import org.eventcommerce.payments.express.ExpressCheckoutConnector;
import org.eventcommerce.payments.express.ExpressError;
import org.eventcommerce.payments.express.ExpressPayment;
import org.eventcommerce.payments.express.PaymentAction;
import org.eventcommerce.payments.express.SetCheckoutResult;
import org.eventcommerce.payments.express.TransactionDetails;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.payflow.ExpressCheckoutDetails;
import org.eventcommerce.payments.payflow.ExpressCheckoutPayment;
import org.eventcommerce.payments.payflow.ExpressCheckoutSetup;
import org.eventcommerce.payments.payflow.ExpressCheckoutToken;
import org.eventcommerce.payments.payflow.PayflowConnector;
import org.eventcommerce.payments.payflow.PayflowPages;

/**
 * Pays an order through PayPal's Express Checkout pages (issue 4), in its two wire forms: the classic NVP API for the
 * Express Checkout (US, Canada) providers (paypal-protocols.md §3.3: SetExpressCheckout → redirect →
 * GetExpressCheckoutDetails → DoExpressCheckoutPayment, SUBJECT = the merchant) and Payflow Pro's "Pay with PayPal"
 * ({@code TENDER=P}, {@code ACTION=S/G/D}, §1.9; USD only). It follows DESIGN.md "The payment lifecycle":
 * <ol>
 * <li>{@link #start}: the attempt is recorded PENDING (request id, CUSTREF) before SetExpressCheckout; the token is
 *     stored on it and the buyer is sent to PayPal. An attempt still waiting for the buyer is taken up again with the
 *     same token while the token lives (3 hours, §3.3; {@link #REUSE_WITHIN}).</li>
 * <li>{@link #complete} (the RETURNURL, {@code token} + {@code PayerID}): the token must be this order's attempt's;
 *     GetExpressCheckoutDetails gives the payer and (classic) the amount, which must be the attempt's; the attempt is
 *     marked as completing under a lock on the order, then DoExpressCheckoutPayment is sent with MSGSUBID = the
 *     attempt's request id (classic, §3.5) or X-VPS-REQUEST-ID = the same (Payflow), so a repeat never charges
 *     twice. Approved → order paid, code use confirmed, entitlement granted in one transaction
 *     ({@link PaymentRecorder#complete}); Pending → HELD; 10486 → back to PayPal with the same token; 10411 → start
 *     again; a lost answer is resent once with the same id, then looked up (GetExpressCheckoutDetails →
 *     GetTransactionDetails), else left UNKNOWN: opening the return URL again resends with the same id.</li>
 * <li>{@link #cancel} (the CANCELURL): the attempt is closed unpaid; the promotion-code use stays reserved for a
 *     retry and lapses with the order.</li>
 * </ol>
 * Every call names the order's currency; a currency the provider does not take is refused before any call.
 */
@ApplicationScoped
public class ExpressCheckoutService extends PaymentSteps {

    private static final Logger LOG = System.getLogger(ExpressCheckoutService.class.getName());

    /** PayPal's default token lifetime [DEV set-express-checkout-nvp; §3.3 "Token lifetime"]. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(3);

    /** A waiting attempt's token is reused when younger than this (a margin under {@link #TOKEN_LIFETIME}). */
    public static final Duration REUSE_WITHIN = TOKEN_LIFETIME.minusMinutes(15);

    /** The card-brand column of Express Checkout attempts. */
    public static final String BRAND = "PAYPAL";

    /** Payflow Express Checkout takes US dollars only (MISSION.md M4; issue 4). */
    static final String PAYFLOW_CURRENCY = "USD";

    /** What the web layer does after a return from PayPal. */
    public enum Next {
        /** The order is paid: show the confirmation. */
        CONFIRMED,
        /** The payment is pending at PayPal: nothing granted yet. */
        HELD,
        /** Send the buyer to {@link Outcome#redirect()} (PayPal, same token: 10486 or not yet approved). */
        BACK_TO_PAYPAL,
        /** The checkout expired or no longer fits the order: the buyer starts again with a new attempt. */
        START_AGAIN,
        /** The buyer cancelled on PayPal; nothing was charged. */
        CANCELLED,
        /** PayPal refused the payment. */
        DECLINED,
        /** PayPal could not be reached; nothing is known to be charged, the buyer may open the return again. */
        TRY_AGAIN,
        /** The outcome is not known yet; it is settled by resending or by the reconciler, never charged twice. */
        UNKNOWN
    }

    /**
     * What came of a return or cancel.
     *
     * @param next        what to show or do
     * @param transaction the attempt, as recorded
     * @param redirect    where to send the buyer for {@link Next#BACK_TO_PAYPAL}, else null
     */
    public record Outcome(Next next, PaymentTransaction transaction, URI redirect) {
    }

    @Inject
    PaymentLinks links;

    @Inject
    AppConfig appConfig;

    /**
     * True when the site's payment page offers "Pay with PayPal": an Express Checkout (US, Canada) provider, or
     * Payflow Pro with its Express Checkout box ticked.
     */
    public static boolean offers(CommerceConfiguration c) {
        ProviderType p = c.getProviderType();
        return p == ProviderType.EXPRESS_CHECKOUT_US || p == ProviderType.EXPRESS_CHECKOUT_CA
                || (p == ProviderType.PAYFLOW_PRO && c.isExpressCheckout());
    }

    /** The currencies "Pay with PayPal" takes with {@code c}'s provider (ISO 4217 codes). */
    public static List<String> currencies(CommerceConfiguration c) {
        return c.getProviderType().usesPayflow() ? List.of(PAYFLOW_CURRENCY) : c.getProviderType().currencies();
    }

    /**
     * Starts (or takes up again) the Express Checkout of order {@code orderPublicId}.
     *
     * @return the PayPal page to send the buyer to ({@code …cmd=_express-checkout&token=EC-…})
     * @throws org.eventcommerce.domain.common.NotFoundException when the order is not the site's
     * @throws BusinessException {@code /problems/e-commerce-disabled} (service off, provider incomplete),
     *                           {@code /problems/currency-not-supported} (before any call),
     *                           {@code /problems/order-state} (paid, price changed, no PayPal on this site, another
     *                           attempt open), promotion-code problems, {@code /problems/provider-refused} when
     *                           PayPal issued no token (the attempt is closed unpaid)
     */
    public URI start(long siteId, String orderPublicId) {
        PurchaseOrder order = orders.get(siteId, orderPublicId);
        CommerceConfiguration config = settings.get(siteId);
        OperatingMode mode = PaymentService.requirePayable(order, config, offers(config), currencies(config));
        Flavour flavour = PaymentService.configured(() -> flavour(config, mode));
        TransactionKind kind = config.getPaymentAction().kind();
        PaymentRecorder.RedirectAttempt attempt = recorder.beginRedirect(orderPublicId, config, mode, kind, BRAND,
                REUSE_WITHIN);
        if (attempt.reuse()) {
            return flavour.redirectUrl(attempt.reusableToken());
        }
        PaymentTransaction t = recorder.get(attempt.transactionId());
        String title = order.getOffering().getTitle();
        Started started = flavour.set(kind, t.attempt(), order.getTotal(), links.expressReturnUrl(orderPublicId),
                links.expressCancelUrl(orderPublicId), orderPublicId,
                title.length() > 127 ? title.substring(0, 127) : title);
        if (started.token() == null) {
            PaymentResult r = started.result();
            LOG.log(Level.WARNING, "Express Checkout of order {0} not started: {1} {2}", orderPublicId, r.status(),
                    r.resultCode());
            recorder.closeUnpaid(t.getId(), r.resultCode() == null ? r.status().name() : r.resultCode(),
                    "Checkout not started: " + r.message());
            throw new BusinessException("/problems/provider-refused", 502, "error.expressCheckoutNotStarted",
                    "PayPal did not start the checkout: " + r.message());
        }
        recorder.redirected(t.getId(), started.token());
        return started.redirect();
    }

    /**
     * The buyer's return from PayPal to RETURNURL with {@code token} (and {@code PayerID}, not trusted: the payer is
     * taken from GetExpressCheckoutDetails). Safe to call any number of times for the same token: once the attempt is
     * settled it only reports it.
     *
     * @throws BusinessException {@code /problems/not-found} when {@code token} is not an attempt of this order
     */
    public Outcome complete(String orderPublicId, String token) {
        PaymentTransaction t = attemptOf(orderPublicId, token);
        if (settled(t) != null) {
            return settled(t);
        }
        CommerceConfiguration config = settings.get(t.getSite().getId());
        if (config.getProviderType() != t.getProviderType() || !offers(config)) {
            return new Outcome(Next.START_AGAIN, recorder.closeUnpaid(t.getId(), PaymentRecorder.ABANDONED,
                    "The payment provider changed since the checkout started"), null);
        }
        Flavour flavour = PaymentService.configured(() -> flavour(config, t.getMode()));
        Money amount = t.getAmount();
        String payerId = t.getPayerId();
        if (payerId == null) {
            Details d = flavour.details(t.getKind(), token, amount);
            if (d.expired()) {
                return new Outcome(Next.START_AGAIN, recorder.closeUnpaid(t.getId(), d.result().resultCode(),
                        d.result().message()), null);
            }
            if (d.result().status() != PaymentStatus.APPROVED) {
                return new Outcome(Next.TRY_AGAIN, t, null);
            }
            if (d.amount() != null && !d.amount().equals(amount)) {
                LOG.log(Level.WARNING, "Express Checkout payment {0} of order {1}: PayPal has {2}, the attempt {3}",
                        t.getId(), orderPublicId, d.amount(), amount);
                return new Outcome(Next.START_AGAIN, recorder.closeUnpaid(t.getId(), "AMOUNT",
                        "The checkout's amount " + d.amount() + " is not the order's " + amount), null);
            }
            if (d.payerId() == null) {
                return new Outcome(Next.BACK_TO_PAYPAL, t, flavour.redirectUrl(token));
            }
            payerId = d.payerId();
        }
        if (!recorder.completing(t.getId(), payerId)) {
            return report(recorder.get(t.getId()));
        }
        Attempt attempt = t.attempt();
        Paid paid = flavour.pay(t.getKind(), attempt, token, payerId, amount, orderPublicId);
        if (paid.result().status() == PaymentStatus.UNKNOWN || paid.result().status() == PaymentStatus.NOT_SENT) {
            LOG.log(Level.WARNING, "Express Checkout payment {0}: {1}; resending with the same id", t.getId(),
                    paid.result().status());
            recorder.countResend(t.getId());
            paid = flavour.pay(t.getKind(), attempt, token, payerId, amount, orderPublicId);
        }
        if (paid.redirectBuyer()) {
            recorder.backToPayPal(t.getId(), paid.result().resultCode(), paid.result().message());
            return new Outcome(Next.BACK_TO_PAYPAL, recorder.get(t.getId()), flavour.redirectUrl(token));
        }
        if (paid.expired()) {
            return new Outcome(Next.START_AGAIN, recorder.closeUnpaid(t.getId(), paid.result().resultCode(),
                    paid.result().message()), null);
        }
        if (paid.result().status() == PaymentStatus.UNKNOWN) {
            Optional<PaymentResult> found = flavour.inquire(attempt, token, amount);
            if (found.isPresent()) {
                org.eventcommerce.domain.payment.reconcile.InquiryVerdict v =
                        org.eventcommerce.domain.payment.reconcile.InquiryVerdict.of(PaymentService.ours(t), found.get());
                if (v.outcome() == org.eventcommerce.domain.payment.reconcile.InquiryVerdict.Outcome.SETTLE) {
                    return report(recorder.settle(t.getId(), v.status(), v.reference(), v.resultCode(), v.message(),
                            SettledBy.PAYMENT, v.disagreements()));
                }
                return report(recorder.complete(t.getId(), paid.result(), v.disagreements(), v.message()));
            }
        }
        return report(recorder.complete(t.getId(), paid.result()));
    }

    /**
     * The buyer cancelled on PayPal (CANCELURL with {@code token}): an attempt still waiting for the buyer is closed
     * unpaid (result {@value PaymentRecorder#CANCELLED}); anything else is only reported.
     *
     * @throws BusinessException {@code /problems/not-found} when {@code token} is not an attempt of this order
     */
    public Outcome cancel(String orderPublicId, String token) {
        PaymentTransaction t = attemptOf(orderPublicId, token);
        if (t.isAwaitingBuyer()) {
            return new Outcome(Next.CANCELLED, recorder.closeUnpaid(t.getId(), PaymentRecorder.CANCELLED,
                    "Cancelled by the buyer on PayPal"), null);
        }
        return report(t);
    }

    private PaymentTransaction attemptOf(String orderPublicId, String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw new org.eventcommerce.domain.common.NotFoundException("Checkout");
        }
        return recorder.byCheckoutToken(orderPublicId, token)
                .orElseThrow(() -> new org.eventcommerce.domain.common.NotFoundException("Checkout"));
    }

    /** The outcome of a settled attempt, or null while it is open. */
    private static Outcome settled(PaymentTransaction t) {
        return t.getStatus() == PaymentStatus.PENDING || t.getStatus() == PaymentStatus.UNKNOWN ? null : report(t);
    }

    private static Outcome report(PaymentTransaction t) {
        Next next = switch (t.getStatus()) {
            case APPROVED -> Next.CONFIRMED;
            case HELD -> Next.HELD;
            case DECLINED -> PaymentRecorder.CANCELLED.equals(t.getResultCode()) ? Next.CANCELLED
                    : isStartAgain(t.getResultCode()) ? Next.START_AGAIN : Next.DECLINED;
            case NOT_SENT -> Next.TRY_AGAIN;
            case PENDING, UNKNOWN -> Next.UNKNOWN;
        };
        return new Outcome(next, t, null);
    }

    private static boolean isStartAgain(String resultCode) {
        return ExpressError.of(resultCode, null) == ExpressError.TOKEN_EXPIRED
                || ExpressError.of(resultCode, null) == ExpressError.INVALID_TOKEN
                || PaymentRecorder.ABANDONED.equals(resultCode) || "AMOUNT".equals(resultCode);
    }

    // The two wire forms behind one small interface.

    private record Started(PaymentResult result, String token, URI redirect) {
    }

    private record Details(PaymentResult result, boolean expired, String payerId, Money amount) {
    }

    private record Paid(PaymentResult result, boolean redirectBuyer, boolean expired) {
    }

    /** One wire form; {@code kind} is SALE or AUTHORIZATION, the same on every call of one attempt. */
    private interface Flavour {
        Started set(TransactionKind kind, Attempt attempt, Money amount, URI returnUrl, URI cancelUrl, String invoice,
                    String description);

        URI redirectUrl(String token);

        Details details(TransactionKind kind, String token, Money amount);

        Paid pay(TransactionKind kind, Attempt attempt, String token, String payerId, Money amount, String invoice);

        Optional<PaymentResult> inquire(Attempt attempt, String token, Money amount);
    }

    private Flavour flavour(CommerceConfiguration config, OperatingMode mode) {
        if (config.getProviderType().usesPayflow()) {
            return new PayflowFlavour(gateways.payflow(config, mode), appConfig.payflowPages(mode));
        }
        return new ClassicFlavour(gateways.express(config, mode).orElseThrow(() -> new IllegalStateException(
                "The server has no PayPal API credentials for " + mode)));
    }

    /**
     * Classic NVP (§3.3–§3.5). {@code PAYMENTREQUEST_0_PAYMENTACTION} is {@code Sale} or {@code Authorization} on
     * SetExpressCheckout and DoExpressCheckoutPayment alike; an approved authorization answers Pending with reason
     * {@code authorization} (mapped to APPROVED by the connector) and its transaction id is the AUTHORIZATIONID of
     * DoCapture / DoVoid.
     */
    private record ClassicFlavour(ExpressCheckoutConnector c) implements Flavour {

        private static PaymentAction action(TransactionKind kind) {
            return kind == TransactionKind.AUTHORIZATION ? PaymentAction.AUTHORIZATION : PaymentAction.SALE;
        }

        @Override
        public Started set(TransactionKind kind, Attempt attempt, Money amount, URI returnUrl, URI cancelUrl,
                           String invoice, String description) {
            SetCheckoutResult r = c.setExpressCheckout(new CheckoutSetup(amount, returnUrl, cancelUrl, invoice,
                    description, action(kind)));
            PaymentResult result = new PaymentResult(r.outcome().status(), r.outcome().errorCode(),
                    r.outcome().message(), null, null, null, false, null, r.outcome().fields());
            return new Started(result, r.hasToken() ? r.token() : null, r.redirectUrl());
        }

        @Override
        public URI redirectUrl(String token) {
            return c.redirectUrl(token);
        }

        @Override
        public Details details(TransactionKind kind, String token, Money amount) {
            CheckoutDetails d = c.getExpressCheckoutDetails(token);
            PaymentResult result = new PaymentResult(d.outcome().status(), d.outcome().errorCode(),
                    d.outcome().message(), null, null, d.amount(), false, null, d.outcome().fields());
            boolean expired = d.outcome().error() == ExpressError.TOKEN_EXPIRED
                    || d.outcome().error() == ExpressError.INVALID_TOKEN;
            return new Details(result, expired, d.approvedByBuyer() ? d.payerId() : null, d.amount());
        }

        @Override
        public Paid pay(TransactionKind kind, Attempt attempt, String token, String payerId, Money amount,
                        String invoice) {
            ExpressPayment p = c.doExpressCheckoutPayment(token, payerId, amount, action(kind), invoice,
                    attempt.requestId());
            ExpressError e = p.outcome().error();
            return new Paid(p.toPaymentResult(), e == ExpressError.REDIRECT_BUYER,
                    e == ExpressError.TOKEN_EXPIRED || e == ExpressError.INVALID_TOKEN);
        }

        /**
         * GetExpressCheckoutDetails for the transaction id, then GetTransactionDetails (§3.3 "Timeout recovery"); its
         * answer as it is (the caller's {@code InquiryVerdict} checks the amount), or empty when PayPal names no
         * transaction for the token.
         */
        @Override
        public Optional<PaymentResult> inquire(Attempt attempt, String token, Money amount) {
            CheckoutDetails d = c.getExpressCheckoutDetails(token);
            if (d.transactionId() == null) {
                return Optional.empty();
            }
            return Optional.of(c.getTransactionDetails(d.transactionId(), amount.currency()).toPaymentResult());
        }
    }

    /**
     * Payflow TENDER=P (§1.9): every call carries the order's currency; Do carries the attempt's request id. The
     * payment action is the TRXTYPE of Set, Get and Do: {@code S}, or {@code A} for an authorization [PFP-EC ch.1].
     */
    private record PayflowFlavour(PayflowConnector c, PayflowPages pages) implements Flavour {

        @Override
        public Started set(TransactionKind kind, Attempt attempt, Money amount, URI returnUrl, URI cancelUrl,
                           String invoice, String description) {
            ExpressCheckoutToken t = c.setExpressCheckout(new ExpressCheckoutSetup(kind,
                    Attempt.newAttempt(), amount, returnUrl, cancelUrl, invoice.substring(0, 8), description));
            return new Started(t.result(), t.isCreated() ? t.token() : null, t.redirectUrl());
        }

        @Override
        public URI redirectUrl(String token) {
            return pages.expressCheckoutUrl(token);
        }

        @Override
        public Details details(TransactionKind kind, String token, Money amount) {
            ExpressCheckoutDetails d = c.getExpressCheckoutDetails(Attempt.newAttempt(), kind, token,
                    amount.currency());
            boolean expired = d.result().status() == PaymentStatus.DECLINED;
            return new Details(d.result(), expired, d.isApprovedByBuyer() ? d.payerId() : null, null);
        }

        @Override
        public Paid pay(TransactionKind kind, Attempt attempt, String token, String payerId, Money amount,
                        String invoice) {
            ExpressCheckoutPayment p = c.doExpressCheckoutPayment(attempt, kind, token, payerId, amount);
            return new Paid(p.result(), false, false);
        }

        /** Inquiry by the attempt's CUSTREF (§1.8), its answer as it is. */
        @Override
        public Optional<PaymentResult> inquire(Attempt attempt, String token, Money amount) {
            return Optional.of(c.execute(PaymentRequest.inquiryByCustRef(Attempt.newAttempt(), amount,
                    attempt.custRef())));
        }
    }
}
