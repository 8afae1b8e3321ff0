package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.order.PaymentLinks;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.site.AccountType;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.payflow.HostedPageReturn;
import org.eventcommerce.payments.payflow.PayflowConnector;
import org.eventcommerce.payments.payflow.SecureTokenRequest;
import org.eventcommerce.payments.payflow.SecureTokenSession;

/**
 * Pays an order on PayPal's hosted checkout page with a Payflow Secure Token (account type Website Payments Pro, for
 * Payflow Pro and Website Payments Pro (UK); paypal-protocols.md §1.7), so card data never reaches our server:
 * <ol>
 * <li>{@link #start}: the attempt is recorded PENDING with a fresh SECURETOKENID (a UUID) before
 *     {@code CREATESECURETOKEN=Y} (a Sale without card data, the attempt's request id and CUSTREF, RETURNURL, ERRORURL,
 *     CANCELURL and SILENTPOSTURL); the buyer is sent to the hosted page.</li>
 * <li>{@link #settle}: what PayPal reports back, in the browser's return (RETURNURL / ERRORURL) or in the Silent POST,
 *     is checked by {@link HostedPageReturn#verify} against the attempt (SECURETOKENID, AMT, CURRENCY). A MATCHED
 *     decline is recorded as it says; a MATCHED approval is confirmed by an Inquiry on the attempt's CUSTREF (§1.8)
 *     that must find the same PNREF and amount (the SECURETOKENID is visible to the buyer, so a return can be typed
 *     by hand); anything else is settled by that Inquiry alone, never from the parameters. Idempotent: a settled
 *     attempt is only reported.</li>
 * <li>{@link #cancel} (CANCELURL): an Inquiry by CUSTREF first (a payment made in another tab is found and
 *     recorded); when none exists the attempt is closed unpaid, the code use kept for a retry.</li>
 * </ol>
 * The hosted page always takes a Sale ({@code TRXTYPE=S}), whatever the site's payment action: authorizations
 * through a Secure Token would need the returns, the Silent POST and their inquiry checks to be verified for
 * {@code TRXTYPE=A} as well, which is not built; a site set to Authorization captures its card-field and PayPal
 * payments later, and its hosted-page payments are paid at once (README "Authorize now, capture later").
 */
@ApplicationScoped
public class HostedPageService extends PaymentSteps {

    private static final Logger LOG = System.getLogger(HostedPageService.class.getName());

    /** The card-brand column of hosted-page attempts (the brand is chosen on PayPal's page). */
    public static final String BRAND = "HOSTED";

    /**
     * How long a Secure Token can be paid with: "valid for 30 minutes" [DEV secure-token page; §1.7]; the 2013 guide
     * and RESULT 162 say 20, so 30 is the longer of the two. The reconciler closes an attempt whose buyer never came
     * back only after this (and its grace period), when an inquiry by CUSTREF finds no payment.
     */
    public static final java.time.Duration SECURE_TOKEN_LIFETIME = java.time.Duration.ofMinutes(30);

    @Inject
    PaymentLinks links;

    /** True when {@code c} pays on PayPal's hosted page: a Payflow provider with account type Website Payments Pro. */
    public static boolean offers(CommerceConfiguration c) {
        return c.getProviderType().usesPayflow() && c.getAccountType() == AccountType.WEBSITE_PAYMENTS_PRO;
    }

    /**
     * Creates the Secure Token of a new attempt and returns the hosted page to send the buyer to.
     *
     * @return {@code <hosted page>?SECURETOKEN=…&SECURETOKENID=…[&MODE=TEST]}
     * @throws BusinessException {@code /problems/e-commerce-disabled} (service off, credentials incomplete),
     *                           {@code /problems/currency-not-supported} (before any call), {@code /problems/order-state}
     *                           (paid, price changed, no hosted page on this site, another attempt open),
     *                           {@code /problems/provider-refused} when Payflow created no token (closed unpaid)
     */
    public URI start(long siteId, String orderPublicId) {
        PurchaseOrder order = orders.get(siteId, orderPublicId);
        CommerceConfiguration config = settings.get(siteId);
        OperatingMode mode = PaymentService.requirePayable(order, config, offers(config),
                config.getProviderType().currencies());
        PayflowConnector payflow = PaymentService.configured(() -> gateways.payflow(config, mode));
        settleLeftBehind(order);
        long txId = recorder.begin(orderPublicId, config, mode, BRAND, null);
        String secureTokenId = UUID.randomUUID().toString();
        recorder.secureTokenId(txId, secureTokenId);
        PaymentTransaction t = recorder.get(txId);
        String title = order.getOffering().getTitle();
        SecureTokenSession session = payflow.createSecureToken(new SecureTokenRequest(TransactionKind.SALE,
                t.attempt(), order.getTotal(), secureTokenId, links.hostedUrl("return", orderPublicId),
                links.hostedUrl("cancel", orderPublicId), links.hostedUrl("error", orderPublicId),
                links.silentPostUrl(), null, title.length() > 128 ? title.substring(0, 128) : title,
                orderPublicId.substring(0, 8)));
        if (!session.isCreated()) {
            PaymentResult r = session.result();
            LOG.log(Level.WARNING, "Secure token for order {0} not created: {1} RESULT {2}", orderPublicId,
                    r.status(), r.resultCode());
            // No card was taken: the token was never shown to the buyer, so nothing can have been charged.
            recorder.closeUnpaid(txId, r.resultCode() == null ? r.status().name() : r.resultCode(),
                    "Secure token not created: " + r.message());
            throw new BusinessException("/problems/provider-refused", 502, "error.expressCheckoutNotStarted",
                    "PayPal did not create the secure token: " + r.message());
        }
        return session.hostedPageUrl();
    }

    /**
     * An earlier hosted-page attempt of the order still PENDING (the buyer left PayPal's page without coming back):
     * settled by an inquiry on its CUSTREF when Payflow knows a transaction, else closed unpaid
     * ({@value PaymentRecorder#ABANDONED}) so a new attempt may start. A payment made later with the old token is still
     * recorded when its Silent POST or return arrives ({@link #settle} checks attempts closed unpaid again).
     */
    private void settleLeftBehind(PurchaseOrder order) {
        for (PaymentTransaction t : recorder.ofOrder(order)) {
            if (t.getStatus() == PaymentStatus.PENDING && t.getSecureTokenId() != null
                    && inquire(t, null).map(PaymentTransaction::getStatus).orElse(PaymentStatus.PENDING)
                    == PaymentStatus.PENDING) {
                recorder.closeUnpaid(t.getId(), PaymentRecorder.ABANDONED,
                        "Abandoned: the buyer left PayPal's page and started again");
            }
        }
    }

    /**
     * Settles the attempt from what PayPal reported (browser return or Silent POST).
     *
     * @param orderPublicId the order of the signed return URL, or null for the Silent POST (then the attempt is found
     *                      by SECURETOKENID alone)
     * @param parameters    the decoded parameters, names as PayPal sends them
     * @return the attempt as recorded (APPROVED, HELD, DECLINED, or still PENDING/UNKNOWN when nothing could be
     *         confirmed)
     * @throws NotFoundException when no attempt matches
     */
    public PaymentTransaction settle(String orderPublicId, Map<String, String> parameters) {
        PaymentTransaction t = attemptOf(orderPublicId, parameters.get("SECURETOKENID"));
        boolean closedUnpaid = PaymentRecorder.CANCELLED.equals(t.getResultCode())
                || PaymentRecorder.ABANDONED.equals(t.getResultCode());
        if (t.getStatus().isFinal() && !closedUnpaid || t.getStatus() == PaymentStatus.HELD) {
            return t; // settled already; a report after a cancel is still checked (a payment made in another tab)
        }
        HostedPageReturn checked = HostedPageReturn.verify(t.getSecureTokenId(), TransactionKind.SALE, t.getAmount(),
                parameters);
        PaymentStatus said = checked.result().status();
        if (checked.verification() == HostedPageReturn.Verification.MATCHED
                && (said == PaymentStatus.DECLINED || said == PaymentStatus.NOT_SENT)) {
            return recorder.complete(t.getId(), checked.result());
        }
        if (checked.verification() != HostedPageReturn.Verification.MATCHED) {
            LOG.log(Level.WARNING, "Hosted page answer for payment {0} not trusted ({1}); asking Payflow by CUSTREF",
                    t.getId(), checked.verification());
        }
        // An approval is confirmed with Payflow before anything is granted: the SECURETOKENID is in the buyer's
        // address bar, so even a MATCHED return or silent post could be typed by hand.
        return inquire(t, said == PaymentStatus.APPROVED || said == PaymentStatus.HELD
                ? checked.result().reference() : null).orElse(t);
    }

    /**
     * The buyer cancelled on the hosted page (CANCELURL): settled by inquiry when Payflow knows a transaction of the
     * attempt, else closed unpaid ({@value PaymentRecorder#CANCELLED}).
     *
     * @throws NotFoundException when the SECURETOKENID is not an attempt of this order
     */
    public PaymentTransaction cancel(String orderPublicId, String secureTokenId) {
        PaymentTransaction t = attemptOf(orderPublicId, secureTokenId);
        if (t.getStatus() != PaymentStatus.PENDING) {
            return t;
        }
        Optional<PaymentTransaction> found = inquire(t, null);
        if (found.isPresent() && found.get().getStatus() != PaymentStatus.PENDING) {
            return found.get();
        }
        return recorder.closeUnpaid(t.getId(), PaymentRecorder.CANCELLED, "Cancelled by the buyer on PayPal's page");
    }

    /**
     * The order's attempt with {@code secureTokenId}; for a signed return whose SECURETOKENID is missing or another
     * one, the order's latest hosted-page attempt (which is then settled by inquiry, never from the parameters).
     */
    private PaymentTransaction attemptOf(String orderPublicId, String secureTokenId) {
        Optional<PaymentTransaction> byId = secureTokenId == null || secureTokenId.length() > 36 ? Optional.empty()
                : recorder.bySecureTokenId(secureTokenId)
                        .filter(t -> orderPublicId == null || t.getOrder().getPublicId().equals(orderPublicId));
        if (byId.isPresent() || orderPublicId == null) {
            return byId.orElseThrow(() -> new NotFoundException("Payment"));
        }
        PurchaseOrder order = orders.find(orderPublicId).orElseThrow(() -> new NotFoundException("Payment"));
        return recorder.ofOrder(order).stream().filter(t -> t.getSecureTokenId() != null)
                .reduce((a, b) -> b).orElseThrow(() -> new NotFoundException("Payment"));
    }

    /**
     * Inquiry by the attempt's CUSTREF (§1.8); records what Payflow found when it is certain, the amount fits and, when
     * {@code expectedPnref} is given, the transaction found is that one.
     */
    private Optional<PaymentTransaction> inquire(PaymentTransaction t, String expectedPnref) {
        CommerceConfiguration config = settings.get(t.getSite().getId());
        if (!config.getProviderType().usesPayflow()) {
            return Optional.empty();
        }
        PayflowConnector payflow = PaymentService.configured(() -> gateways.payflow(config, t.getMode()));
        PaymentResult r = payflow.execute(PaymentRequest.inquiryByCustRef(Attempt.newAttempt(), t.getAmount(),
                t.getCustRef()));
        if (r.status() != PaymentStatus.APPROVED || r.originalStatus() == null
                || r.originalStatus() == PaymentStatus.UNKNOWN) {
            return Optional.empty();
        }
        String foundPnref = r.reference();
        if (expectedPnref != null && !expectedPnref.equals(foundPnref)) {
            // the return or silent post named another PNREF: the report is not trusted (it is visible to the buyer,
            // so no alert); the reconciler's inquiry settles the attempt
            LOG.log(Level.WARNING, "Inquiry for payment {0} found another transaction than the one reported",
                    t.getId());
            return Optional.empty();
        }
        org.eventcommerce.domain.payment.reconcile.InquiryVerdict v =
                org.eventcommerce.domain.payment.reconcile.InquiryVerdict.of(PaymentService.ours(t), r);
        if (v.outcome() != org.eventcommerce.domain.payment.reconcile.InquiryVerdict.Outcome.SETTLE) {
            LOG.log(Level.WARNING, "Inquiry for payment {0}: {1}", t.getId(), v.message());
            if (!v.disagreements().isEmpty()) {
                recorder.raiseAlerts(t.getId(), v.disagreements(), "Inquiry by CUSTREF " + t.getCustRef() + ": "
                        + v.message());
            }
            return Optional.empty();
        }
        return Optional.of(recorder.settle(t.getId(), v.status(), foundPnref, v.resultCode(), v.message(),
                SettledBy.PAYMENT, v.disagreements()));
    }
}
