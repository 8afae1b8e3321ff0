package org.eventcommerce.domain.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.Problems;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.payment.reconcile.Disagreement;
import org.eventcommerce.domain.payment.reconcile.InquiryVerdict;
import org.eventcommerce.domain.security.AttemptThrottle;
import org.eventcommerce.domain.security.FailedAttempt.Kind;
import org.eventcommerce.domain.security.FailedAttempt.Subject;
import org.eventcommerce.domain.security.FailedAttempt.SubjectKind;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.PaymentGateway;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * Pays an order by card following DESIGN.md "The payment lifecycle":
 * <ol>
 * <li>validate the card (Luhn, accepted brand, expiry, CVV) — nothing is recorded for bad input;</li>
 * <li>record a PENDING sale with a fresh attempt (request id, CUSTREF) under a lock on the order;</li>
 * <li>call the provider outside any database transaction;</li>
 * <li>record the outcome; approval marks the order paid and grants access in the same transaction (with the payment
 *     action Authorization: marks it AUTHORIZED; access follows the capture).</li>
 * </ol>
 * An UNKNOWN or NOT_SENT outcome is resent once with the same attempt (Payflow replays the first answer
 * for a known X-VPS-REQUEST-ID; a {@code DUPLICATE=1} answer that does not match the attempt is UNKNOWN and raises an
 * alert); if still unknown, an inquiry by the attempt's CUSTREF settles it when it finds the attempt with our amount
 * ({@link InquiryVerdict}); otherwise the transaction stays UNKNOWN for the reconciler
 * ({@link org.eventcommerce.domain.payment.reconcile.Reconciler}) and no new attempt is allowed.
 */
@ApplicationScoped
public class PaymentService extends PaymentSteps {

    private static final Logger LOG = System.getLogger(PaymentService.class.getName());

    @Inject
    Clock clock;

    @Inject
    AttemptThrottle throttle;

    /**
     * Pays {@code orderPublicId} of site {@code siteId} with {@code card}.
     *
     * @return the transaction with its final (or unknown) status: a SALE ({@code TRXTYPE=S}), or an AUTHORIZATION
     *         ({@code TRXTYPE=A}, [PFP-2009 Table 4.1]) when the site's payment action is Authorization (the approved
     *         order is then AUTHORIZED and waits for the organizer's capture)
     * @throws org.eventcommerce.domain.common.ValidationException for bad card input (nothing recorded)
     * @throws org.eventcommerce.domain.common.BusinessException   {@code /problems/order-state} when the order is
     *                                                             paid or another attempt is open
     * @throws org.eventcommerce.domain.security.TooManyAttemptsException {@code /problems/too-many-attempts} (429)
     *         when the order had {@code ecommerce.throttle.card-declines.failures} card payments declined in the
     *         window (a decline for the merchant's set-up does not count)
     */
    public PaymentTransaction payByCard(long siteId, String orderPublicId, Card card) {
        return payByCard(siteId, orderPublicId, card, null);
    }

    /**
     * As {@link #payByCard(long, String, Card)}, paying only {@code expectedTotal}: the amount the payment page
     * showed on its Pay button (null: whatever the order's total is, as on the API).
     *
     * @throws org.eventcommerce.domain.common.BusinessException {@code /problems/order-state}
     *         ({@code error.totalChanged}) when the order's total is no longer {@code expectedTotal} (a promotion code
     *         applied or removed in another tab): nothing recorded, nothing sent
     */
    public PaymentTransaction payByCard(long siteId, String orderPublicId, Card card, Money expectedTotal) {
        PurchaseOrder order = orders.get(siteId, orderPublicId);
        CommerceConfiguration config = settings.get(siteId);
        requireEnabled(order, config);
        if (!config.getProviderType().usesPayflow() || config.getAccountType() == null
                || !config.getAccountType().hasCardField()) {
            throw new BusinessException("/problems/card-payments-not-offered", 422, "error.cardPaymentsNotOffered",
                    "This site takes payments on PayPal's pages, not by card on its own");
        }
        requireUnchangedPrice(order);
        CardBrand brand = CardValidator.validate(card, config.getAcceptedCards(), CardValidator.currentMonth(clock));
        // Card testing (trying card numbers on one order until one passes): past the limit of declines on this
        // order, refused before anything is recorded or sent (AttemptThrottle, CARD_DECLINE). After the card's own
        // checks, so a typo still gets its message on the field (what they tell is no secret: Luhn, brand, expiry).
        List<Subject> who = List.of(new Subject(SubjectKind.ORDER, order.getPublicId()));
        throttle.check(Kind.CARD_DECLINE, siteId, who);
        PaymentTransaction t = pay(order, config, card, brand, expectedTotal);
        if (t.getStatus() == PaymentStatus.DECLINED && !PaymentOutcomes.isMerchantSetupProblem(t.getResultCode())) {
            throttle.recordFailure(Kind.CARD_DECLINE, siteId, who, null);
        }
        return t;
    }

    private PaymentTransaction pay(PurchaseOrder order, CommerceConfiguration config, Card card, CardBrand brand,
                                   Money expectedTotal) {
        OperatingMode mode = requireMode(config);
        PaymentGateway gateway = configured(() -> gateways.gateway(config, mode));
        TransactionKind kind = config.getPaymentAction().kind();
        long txId = recorder.begin(order.getPublicId(), config, mode, kind, brand.name(), card.lastFour(),
                expectedTotal);
        PaymentTransaction pending = recorder.get(txId);
        Attempt attempt = pending.attempt();
        String invoice = order.getPublicId().substring(0, 8);
        // The amount recorded under the order's lock, not the total read before it (a code applied meanwhile).
        Money amount = pending.getAmount();
        PaymentRequest request = kind == TransactionKind.AUTHORIZATION
                ? PaymentRequest.authorization(attempt, amount, card, order.getOffering().getTitle(), invoice)
                : PaymentRequest.sale(attempt, amount, card, order.getOffering().getTitle(), invoice);
        PaymentResult result = gateway.execute(request);
        if (result.status() == PaymentStatus.UNKNOWN || result.status() == PaymentStatus.NOT_SENT) {
            LOG.log(Level.WARNING, "Payment {0} outcome {1} ({2}); resending the same attempt", txId, result.status(),
                    result.message());
            recorder.countResend(txId);
            result = gateway.execute(request);
        }
        if (result.status() == PaymentStatus.UNKNOWN) {
            PaymentResult inquiry = gateway.execute(PaymentRequest.inquiryByCustRef(Attempt.newAttempt(),
                    amount, attempt.custRef()));
            InquiryVerdict verdict = InquiryVerdict.of(ours(pending), inquiry);
            if (verdict.outcome() == InquiryVerdict.Outcome.SETTLE) {
                return recorder.settle(txId, verdict.status(), verdict.reference(), verdict.resultCode(),
                        verdict.message(), SettledBy.PAYMENT, verdict.disagreements());
            }
            // Not found, or no certain answer, or an answer that disagrees with the attempt (an alert): the
            // transaction stays UNKNOWN, no new attempt is allowed, and the reconciler settles it later.
            return recorder.complete(txId, result, verdict.disagreements(), "Inquiry by CUSTREF "
                    + attempt.custRef() + ": " + verdict.message());
        }
        return recorder.complete(txId, result);
    }

    /** Our record of {@code t}, as an inquiry may contradict it. */
    public static Disagreement.Ours ours(PaymentTransaction t) {
        return new Disagreement.Ours(t.getKind(), t.getAmount(), t.getReference(), t.getStatus());
    }

    /**
     * What every redirect payment checks before anything is recorded or sent: the service takes payments, the site
     * offers this way to pay, the order's currency is the configured one and among {@code currencies} (refused before
     * any call, issue 4), the price is unchanged, and the mode is set.
     *
     * @param offered    whether the site's provider and account type offer this way to pay
     * @param currencies ISO 4217 codes this way to pay takes
     * @return the site's operating mode
     * @throws BusinessException {@code /problems/e-commerce-disabled}, {@code /problems/order-state} (not offered,
     *                           price changed), {@code /problems/currency-not-supported}
     */
    static OperatingMode requirePayable(PurchaseOrder order, CommerceConfiguration config, boolean offered,
                                        java.util.List<String> currencies) {
        requireEnabled(order, config);
        if (!offered) {
            throw Problems.orderState("This site does not offer this way to pay");
        }
        String currency = order.getCurrency().getCurrencyCode();
        if (!order.getCurrency().equals(config.getCurrency()) || !currencies.contains(currency)) {
            throw Problems.currencyNotSupported(currency, config.getProviderType().name());
        }
        requireUnchangedPrice(order);
        return requireMode(config);
    }

    /** @throws BusinessException {@code /problems/e-commerce-disabled} when the order's service takes no payments */
    static void requireEnabled(PurchaseOrder order, CommerceConfiguration config) {
        if (!config.isEnabled(order.getOffering().getService())) {
            throw Problems.eCommerceDisabled(order.getOffering().getService().name());
        }
    }

    /** @throws BusinessException {@code /problems/order-state} when the offering's fee changed since the order */
    static void requireUnchangedPrice(PurchaseOrder order) {
        if (!order.getOffering().getFee().map(order.getListPrice()::equals).orElse(false)) {
            throw new BusinessException("/problems/order-state", 409, "error.priceChanged",
                    "The offering's price changed since the order was placed");
        }
    }

    /** The site's operating mode. @throws BusinessException {@code error.providerNotConfigured} when unset */
    static OperatingMode requireMode(CommerceConfiguration config) {
        return configured(config::requireMode);
    }

    /**
     * The connector {@code factory} builds.
     *
     * @throws BusinessException {@code /problems/e-commerce-disabled} ({@code error.providerNotConfigured}) when the
     *                           provider's set-up for the mode is incomplete
     */
    public static <T> T configured(java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalStateException notConfigured) {
            throw new BusinessException("/problems/e-commerce-disabled", 422, "error.providerNotConfigured",
                    String.valueOf(notConfigured.getMessage()));
        }
    }
}
