package org.eventcommerce.domain.order;

import org.eventcommerce.domain.security.AttemptThrottle;
import org.eventcommerce.domain.security.FailedAttempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.account.AccountService;
import org.eventcommerce.domain.account.Role;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.NotFoundException;
import org.eventcommerce.domain.common.Problems;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.entitlement.EntitlementService;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.offering.OfferingService;
import org.eventcommerce.domain.promotion.PromotionCodeService;
import org.eventcommerce.domain.promotion.RedemptionService;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.domain.site.Site;
import org.eventcommerce.payments.money.Money;

/**
 * Creates orders (DESIGN.md lifecycle step 1) and finds them. An attendee has at most one open order per
 * offering: asking again returns the open one; an attendee with access cannot order again.
 */
@ApplicationScoped
public class OrderService {

    @PersistenceContext
    EntityManager em;

    @Inject
    OfferingService offerings;

    @Inject
    AccountService accounts;

    @Inject
    SettingsService settings;

    @Inject
    EntitlementService entitlements;

    @Inject
    PromotionCodeService promotionCodes;

    @Inject
    RedemptionService redemptions;

    @Inject
    Clock clock;

    /** The order and whether this call created it. */
    public record Placed(PurchaseOrder order, boolean created) {
    }

    /**
     * Places an order for {@code offeringId} by the attendee {@code email} (account created when missing).
     * A zero total is paid at once and grants access.
     *
     * @throws NotFoundException when the offering does not exist
     * @throws BusinessException {@code /problems/e-commerce-disabled} when the offering's service takes no
     *                           payments or it has no fee; {@code /problems/currency-not-supported} when the
     *                           provider refuses its currency; {@code /problems/order-state} when the
     *                           attendee already has access or an authorized payment for it waits for capture;
     *                           promotion-code problems when a code is given
     */
    @Transactional
    public Placed place(Site site, String offeringId, String email, String name, String promotionCode) {
        return place(site, offeringId, email, name, promotionCode, List.of());
    }

    /**
     * {@link #place(Site, String, String, String, String)} for a caller whose failed promotion-code guesses are
     * throttled ({@link AttemptThrottle}): {@code who} (API key, session, client address) plus the attendee's
     * e-mail, which is always counted.
     *
     * @throws org.eventcommerce.domain.security.TooManyAttemptsException when one of them tried too many codes that
     *         do not exist (429), before the code is looked up
     */
    @Transactional
    public Placed place(Site site, String offeringId, String email, String name, String promotionCode,
                        List<FailedAttempt.Subject> who) {
        Offering offering = offerings.get(site.getId(), offeringId);
        CommerceConfiguration config = settings.get(site.getId());
        Money fee = payableFee(offering, config);
        PromotionCodeService.Quote quote = Texts.clean(promotionCode) == null ? null
                : promotionCodes.quote(site, offering, fee, promotionCode, withEmail(who, email));
        Account attendee = accounts.findOrCreate(site, "attendee.email", email, name, Role.ATTENDEE);
        if (entitlements.hasActive(attendee, offering.getId())) {
            throw new BusinessException("/problems/order-state", 409, "error.alreadyEntitled",
                    "The attendee already has access to this offering");
        }
        if (hasOrderOf(offering, attendee, OrderStatus.AUTHORIZED)) {
            throw new BusinessException("/problems/order-state", 409, "error.order.authorized",
                    "The attendee's payment for this offering is authorized and waits for the organizer's capture");
        }
        Optional<PurchaseOrder> open = findOpen(offering, attendee);
        String code = quote == null ? null : quote.code().getCode();
        if (open.isPresent()) {
            boolean same = open.get().getListPrice().equals(fee)
                    && java.util.Objects.equals(open.get().getPromotionCode(), code);
            if (same && !hasOpenAttempt(open.get())) {
                return new Placed(open.get(), false);
            }
            if (hasOpenAttempt(open.get())) {
                throw Problems.orderState("A payment for the open order of this attendee is in progress");
            }
            // The fee or the code changed since: the old unpaid order is cancelled (its code use released)
            // and a new one placed at today's price.
            open.get().cancel();
            redemptions.release(open.get());
            em.flush();
        }
        PurchaseOrder order = new PurchaseOrder(offering, attendee, fee,
                quote == null ? Money.zero(fee.currency()) : quote.discount(), code, clock.instant());
        em.persist(order);
        if (quote != null) {
            redemptions.reserve(quote.code(), order);
        }
        payIfFree(order, config);
        return new Placed(order, true);
    }

    /**
     * Enters (or, with a blank code, removes) a promotion code on an unpaid order, from the payment page. The order
     * keeps its id (the platform holds it): it is priced again at the offering's fee of today with the new code, the
     * old code's use is released and the new one reserved, under the order's lock. A zero total is paid at once, as
     * when it is placed.
     *
     * @return the order, priced again (unchanged when neither the fee nor the code changed)
     * @throws BusinessException the promotion-code problem that applies (nothing changed), e-commerce-disabled, or
     *                           order-state when the order is not awaiting payment or a payment of it is in progress
     */
    @Transactional
    public PurchaseOrder applyPromotionCode(String orderPublicId, String code, List<FailedAttempt.Subject> who) {
        PurchaseOrder o = lock(orderPublicId);
        if (o.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            throw Problems.orderState("The order is " + o.getStatus());
        }
        if (hasOpenAttempt(o)) {
            throw Problems.orderState("A payment for this order is in progress");
        }
        Offering offering = o.getOffering();
        CommerceConfiguration config = settings.get(o.getSite().getId());
        Money fee = payableFee(offering, config);
        if (!fee.currency().equals(o.getCurrency())) {
            throw Problems.currencyNotSupported(fee.currency().getCurrencyCode(), config.getProviderType().name());
        }
        PromotionCodeService.Quote quote = Texts.clean(code) == null ? null
                : promotionCodes.quote(o.getSite(), offering, fee, code, withEmail(who, o.getAttendee().getEmail()));
        String newCode = quote == null ? null : quote.code().getCode();
        if (o.getListPrice().equals(fee) && java.util.Objects.equals(o.getPromotionCode(), newCode)) {
            return o;
        }
        redemptions.release(o);
        o.reprice(fee, quote == null ? Money.zero(fee.currency()) : quote.discount(), newCode);
        if (quote != null) {
            redemptions.reserve(quote.code(), o);
        }
        payIfFree(o, config);
        return o;
    }

    /**
     * The fee an order for {@code offering} is placed or priced at: its service takes payments, it has a fee, in the
     * site's currency.
     *
     * @throws BusinessException e-commerce-disabled (service off, or free / not for sale), currency-not-supported
     */
    private static Money payableFee(Offering offering, CommerceConfiguration config) {
        if (!config.isEnabled(offering.getService())) {
            throw Problems.eCommerceDisabled(offering.getService().name());
        }
        if (offering.getFee().isEmpty()) {
            throw new BusinessException("/problems/e-commerce-disabled", 422, "error.notForSale",
                    "The offering is free or not for sale");
        }
        Money fee = offering.getFee().get();
        if (!config.getCurrency().equals(fee.currency())) {
            throw Problems.currencyNotSupported(fee.currency().getCurrencyCode(), config.getProviderType().name());
        }
        return fee;
    }

    /** An order whose total is zero is paid at once, without a provider, in the site's mode: code used, access granted. */
    private void payIfFree(PurchaseOrder order, CommerceConfiguration config) {
        if (order.getTotal().isZero()) {
            order.markPaid(clock.instant(), config.requireMode());
            redemptions.confirm(order);
            entitlements.grant(order, clock.instant());
        }
    }

    /** {@code who} and the attendee's e-mail (lower case), the subjects a promotion-code guess is counted on. */
    private static List<FailedAttempt.Subject> withEmail(List<FailedAttempt.Subject> who, String email) {
        List<FailedAttempt.Subject> all = new java.util.ArrayList<>(who);
        if (email != null && !email.isBlank()) {
            all.add(FailedAttempt.Subject.email(email));
        }
        return all;
    }

    /** @throws NotFoundException when the order is not in the site */
    @Transactional
    public PurchaseOrder get(long siteId, String publicId) {
        return find(publicId).filter(o -> o.getSite().getId() == siteId)
                .orElseThrow(() -> new NotFoundException("Order"));
    }

    /** The order with {@code publicId} in any site (for the signed payment page, which carries no site). */
    @Transactional
    public Optional<PurchaseOrder> find(String publicId) {
        return em.createQuery("select o from PurchaseOrder o where o.publicId = :p", PurchaseOrder.class)
                .setParameter("p", publicId).getResultStream().findFirst();
    }

    /** The order, locked for update until the transaction ends (serializes payments of one order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PurchaseOrder lock(String publicId) {
        PurchaseOrder o = find(publicId).orElseThrow(() -> new NotFoundException("Order"));
        em.lock(o, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(o);
        return o;
    }

    /** Orders of one attendee, newest first. */
    @Transactional
    public List<PurchaseOrder> ofAttendee(Account attendee) {
        return em.createQuery("select o from PurchaseOrder o where o.attendee.id = :a order by o.createdAt desc",
                PurchaseOrder.class).setParameter("a", attendee.getId()).getResultList();
    }

    private boolean hasOpenAttempt(PurchaseOrder order) {
        return !em.createQuery("select t.id from PaymentTransaction t where t.order.id = :o and t.status in :st",
                        Long.class).setParameter("o", order.getId())
                .setParameter("st", List.of(org.eventcommerce.payments.PaymentStatus.PENDING,
                        org.eventcommerce.payments.PaymentStatus.UNKNOWN, org.eventcommerce.payments.PaymentStatus.HELD))
                .setMaxResults(1).getResultList().isEmpty();
    }

    private boolean hasOrderOf(Offering offering, Account attendee, OrderStatus status) {
        return !em.createQuery("select o.id from PurchaseOrder o where o.openKey = :k and o.status = :st", Long.class)
                .setParameter("k", PurchaseOrder.openKey(offering, attendee)).setParameter("st", status)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private Optional<PurchaseOrder> findOpen(Offering offering, Account attendee) {
        return em.createQuery("select o from PurchaseOrder o where o.openKey = :k and o.status = :st",
                        PurchaseOrder.class)
                .setParameter("k", PurchaseOrder.openKey(offering, attendee))
                .setParameter("st", OrderStatus.AWAITING_PAYMENT).getResultStream().findFirst();
    }
}
