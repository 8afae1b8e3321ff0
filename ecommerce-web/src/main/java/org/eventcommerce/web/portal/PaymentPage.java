package org.eventcommerce.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.lang.System.Logger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eventcommerce.domain.payment.CardValidator;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.order.OrderService;
import org.eventcommerce.domain.order.OrderStatus;
import org.eventcommerce.domain.order.PaymentLinks;
import org.eventcommerce.domain.order.PurchaseOrder;
import org.eventcommerce.domain.payment.ExpressCheckoutService;
import org.eventcommerce.domain.payment.HostedPageService;
import org.eventcommerce.domain.payment.PaymentRecorder;
import org.eventcommerce.domain.payment.PaymentOutcomes;
import org.eventcommerce.domain.payment.PaymentService;
import org.eventcommerce.domain.payment.PaymentTransaction;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * The public payment page ({@code /pay/<order>?sig=...}, forwarded to {@code /payment.xhtml}; MISSION.md M2,
 * M11): checks the signed link, shows the merchant's texts and the order, takes the card and pays through
 * {@link PaymentService#payByCard}. The card number and CVV live in this bean only for the call.
 *
 * <p>The view is stateless ({@code payment.xhtml}), so this bean lives for one request: it reloads the order
 * from the {@code order} and {@code sig} parameters every time, and a Pay clicked after the session expired
 * still works.
 */
@Named
@ViewScoped
public class PaymentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = System.getLogger(PaymentPage.class.getName());

    /** How long the page waits for the outcome of an attempt still with the provider. */
    private static final Duration PENDING_WAIT = Duration.ofSeconds(20);

    /** How often the page reads the order again while it waits. */
    private static final Duration POLL = Duration.ofMillis(250);

    /** A pending attempt younger than this may still be with the provider (two sends and an inquiry). */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(3);

    /** What the page shows under the order summary. */
    public enum State {
        /** The card form. */
        FORM,
        /** The confirmation of a paid order. */
        CONFIRMED,
        /** Only a notice: the order cannot be paid here now (held, unknown, cancelled...). */
        CLOSED
    }

    @Inject
    PaymentLinks links;

    @Inject
    OrderService orders;

    @Inject
    SettingsService settings;

    @Inject
    PaymentService payments;

    @Inject
    PaymentRecorder recorder;

    @Inject
    ExpressCheckoutService express;

    @Inject
    HostedPageService hosted;

    // View parameters.
    private String order;
    private String sig;
    /** What happened on PayPal's page ({@link PayPalReturnServlet}), e.g. {@code cancelled}; null otherwise. */
    private String paypal;
    private boolean paypalButton;
    private boolean hostedButton;

    private boolean valid;
    private State state = State.FORM;
    private long siteId;
    private String merchantName;
    private String pageHeader;
    private String pageFooter;
    private String supportInfo;
    private String offeringTitle;
    private String offeringType;
    private BigDecimal totalAmount;
    /** The total the page showed when it was posted (its hidden {@code total} field), or null. */
    private String postedTotal;
    private String currency;
    private List<CardBrand> brands = List.of();
    private String reference;
    private BigDecimal paidAmount;
    private String notice;
    private String noticeSeverity;

    private boolean promotionCodes;
    private String appliedCode;
    private BigDecimal listAmount;
    private BigDecimal discountAmount;
    private String codeInput;

    // Card input: number and CVV are cleared after every attempt.
    private String cardNumber;
    private String cardExpiry;
    private String cardCvv;
    private String cardHolder;

    /**
     * Reads {@code order} and {@code sig} from the request (the query string of the link, or the form's hidden
     * fields on a postback) and loads the page.
     */
    @PostConstruct
    void init() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        order = params.get("order");
        sig = params.get("sig");
        paypal = params.get("paypal");
        postedTotal = params.get("total");
        load();
    }

    /** Checks the signed link and loads the order and the merchant's texts. */
    void load() {
        noStore();
        if (!links.verify(order, sig)) {
            return;
        }
        Optional<PurchaseOrder> found = orders.find(order);
        if (found.isEmpty()) {
            return;
        }
        PurchaseOrder o = found.get();
        CommerceConfiguration config = settings.get(o.getSite().getId());
        valid = true;
        siteId = o.getSite().getId();
        merchantName = config.getMerchantName();
        pageHeader = config.getPageHeader();
        pageFooter = config.getPageFooter();
        supportInfo = config.getSupportInfo();
        offeringTitle = o.getOffering().getTitle();
        offeringType = o.getOffering().getType().name();
        showAmounts(o);
        promotionCodes = config.isPromotionCodesEnabled();
        currency = o.getCurrency().getCurrencyCode();
        brands = config.getProviderType().usesPayflow() && config.getAccountType() != null
                && config.getAccountType().hasCardField()
                ? config.getAcceptedCards() : List.of();
        paypalButton = ExpressCheckoutService.offers(config);
        hostedButton = HostedPageService.offers(config);
        showState(o);
        if (state == State.FORM && brands.isEmpty() && !paypalButton && !hostedButton) {
            close("error", Bundle.text("payment.noCardField"));
        }
        if (state != State.CONFIRMED && paypal != null && PAYPAL_OUTCOMES.contains(paypal)) {
            notice(java.util.Set.of("held", "cancelled").contains(paypal) ? "info" : "warn",
                    Bundle.text("payment.paypal." + paypal));
        }
    }

    /** The {@code paypal} values that have a notice ({@code payment.paypal.<value>} in the bundle). */
    private static final java.util.Set<String> PAYPAL_OUTCOMES = java.util.Set.of("held", "start_again", "cancelled",
            "declined", "try_again", "unknown", "unknown_checkout", "unavailable", "hosted_declined",
            "hosted_pending");

    /**
     * "Continue to PayPal" (account type Website Payments Pro): creates the attempt's Secure Token and sends the
     * browser to PayPal's hosted page, where the card is typed; it never reaches this server.
     */
    public void continueToPayPal() {
        if (!valid || state != State.FORM || !hostedButton) {
            return;
        }
        redirectTo(() -> hosted.start(siteId, order));
    }

    /**
     * "Pay with PayPal": starts (or takes up again) the Express Checkout and sends the browser to PayPal's approval
     * page; PayPal sends it back to {@link PayPalReturnServlet}. Says why when PayPal cannot be used.
     */
    public void payWithPayPal() {
        if (!valid || state != State.FORM || !paypalButton) {
            return;
        }
        redirectTo(() -> express.start(siteId, order));
    }

    /** Sends the browser to the PayPal page {@code start} returns, or shows why not. */
    private void redirectTo(java.util.function.Supplier<java.net.URI> start) {
        notice = null;
        try {
            java.net.URI to = start.get();
            FacesContext.getCurrentInstance().getExternalContext().redirect(to.toString());
        } catch (BusinessException e) {
            PurchaseOrder o = "/problems/order-state".equals(e.problemType()) ? orders.find(order).orElse(null) : null;
            if (o != null) {
                showState(o);
            }
            notice("error", Bundle.text(e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "PayPal checkout of order " + order + " failed to start", e);
            notice("error", Bundle.text("payment.unavailable"));
        }
    }

    /** True when the page offers "Pay with PayPal" (Express Checkout). */
    public boolean isPaypalButton() {
        return paypalButton;
    }

    /** True when the page offers "Continue to PayPal" (the hosted page of a Secure Token). */
    public boolean isHostedButton() {
        return hostedButton;
    }

    /** True when the page has a card field (the account type has brands). */
    public boolean isCardField() {
        return !brands.isEmpty();
    }

    /**
     * Pays with the card typed; shows the confirmation, or why not and whether to try again. The domain
     * refuses a second attempt while one is open or the order is paid; a second submit that arrives while the
     * first is still with the provider waits a little for its outcome and shows it ({@link #showState}).
     */
    public void pay() {
        if (!valid || state != State.FORM) {
            return;
        }
        notice = null;
        try {
            // Pays the total the Pay button showed, or nothing (a code applied or removed in another tab).
            PaymentTransaction t = payments.payByCard(siteId, order,
                    Card.of(cardNumber, CardValidator.normalizeExpiry(cardExpiry), cardCvv, blankToNull(cardHolder)),
                    new Money(shownTotal(), Currency.getInstance(currency)));
            switch (t.getStatus()) {
                case APPROVED -> {
                    if (t.getKind() == TransactionKind.AUTHORIZATION) {
                        close("info", Bundle.text("payment.authorized"));
                    } else {
                        confirm(t.getReference(), t.getAmount());
                    }
                }
                case DECLINED -> notice("error", PaymentOutcomes.isMerchantSetupProblem(t.getResultCode())
                        ? Bundle.text("payment.merchantProblem", nullToEmpty(t.getResultCode()))
                        : Bundle.text("payment.declined", nullToEmpty(t.getResultCode()), nullToEmpty(t.getMessage())));
                case HELD -> close("info", Bundle.text("payment.held"));
                case NOT_SENT -> notice("warn", Bundle.text("payment.notSent"));
                case UNKNOWN, PENDING -> close("warn", Bundle.text("payment.unknown"));
            }
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> switch (field) {
                case "card.number" -> "payment:cardNumber";
                case "card.expiry" -> "payment:cardExpiry";
                case "card.cvv" -> "payment:cardCvv";
                case "card.holder" -> "payment:cardHolder";
                default -> null;
            });
        } catch (BusinessException e) {
            PurchaseOrder o = "/problems/order-state".equals(e.problemType()) ? orders.find(order).orElse(null) : null;
            if (o != null) {
                showState(o);
                if (state == State.FORM) {
                    notice("error", Bundle.text(e));
                }
            } else {
                notice("error", Bundle.text(e));
            }
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "Payment of order {0} not possible: {1}", order, e.getMessage());
            notice("error", Bundle.text("payment.unavailable"));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Payment of order " + order + " failed", e);
            close("warn", Bundle.text("payment.unknown"));
        } finally {
            cardNumber = null;
            cardCvv = null;
        }
    }

    /** Forbids caching of the page (it may show a confirmation); pre-render of every response. */
    public void noStore() {
        Object response = FacesContext.getCurrentInstance().getExternalContext().getResponse();
        if (response instanceof HttpServletResponse http) {
            http.setHeader("Cache-Control", "no-store");
            http.setHeader("Pragma", "no-cache");
        }
    }

    /**
     * Shows what the order allows: the confirmation when it is paid, a notice when it is closed or an attempt
     * is open (held, unknown), else the form. An attempt still with the provider (a double submit, or a reload
     * during the payment) is waited for a little, so its outcome is shown.
     */
    private void showState(PurchaseOrder current) {
        // The decision below uses the very read the wait ended on: a second read could see an attempt that the
        // wait's read did not (recorded meanwhile by the other tab) and call it unconfirmed instead of waiting.
        Snapshot seen = Waiting.until(snapshot(current), s -> snapshot(orders.find(order).orElse(s.order())),
                Snapshot::awaitingAnswer, PENDING_WAIT, POLL);
        PurchaseOrder o = seen.order();
        List<PaymentTransaction> attempts = seen.attempts();
        Optional<PaymentTransaction> approved = attempts.stream()
                .filter(t -> (t.getKind() == TransactionKind.SALE || t.getKind() == TransactionKind.CAPTURE)
                        && t.getStatus() == PaymentStatus.APPROVED)
                .max(Comparator.comparing(PaymentTransaction::getCreatedAt));
        if (o.getStatus() == OrderStatus.PAID || o.getStatus() == OrderStatus.PARTIALLY_REFUNDED
                || (o.getStatus() == OrderStatus.AWAITING_PAYMENT && approved.isPresent())) {
            confirm(approved.map(PaymentTransaction::getReference).orElse(null),
                    approved.map(PaymentTransaction::getAmount).orElse(o.getTotal()));
            return;
        }
        if (o.getStatus() == OrderStatus.AUTHORIZED) {
            close("info", Bundle.text("payment.authorized"));
            return;
        }
        if (o.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            close("error", Bundle.text("payment.closed." + o.getStatus().name()));
            return;
        }
        Optional<PaymentStatus> open = attempts.stream().filter(t -> !t.isWithBuyer())
                .map(PaymentTransaction::getStatus)
                .filter(s -> s == PaymentStatus.HELD || s == PaymentStatus.UNKNOWN || s == PaymentStatus.PENDING)
                .findFirst();
        if (open.isEmpty()) {
            state = State.FORM;
            showAmounts(o); // the total may have changed in another tab (error.totalChanged)
        } else if (open.get() == PaymentStatus.HELD) {
            close("info", Bundle.text("payment.held"));
        } else {
            close("warn", Bundle.text("payment.unknown"));
        }
    }

    /** The order's amounts and code, as the page shows them (and the Pay button offers to pay). */
    private void showAmounts(PurchaseOrder o) {
        totalAmount = o.getTotal().amount();
        listAmount = o.getListPrice().amount();
        discountAmount = o.getDiscount().amount();
        appliedCode = o.getPromotionCode();
    }

    /** An order and its payment attempts, as read together. */
    private record Snapshot(PurchaseOrder order, List<PaymentTransaction> attempts) {

        /** Whether the order still awaits payment and one of its attempts is still with the provider. */
        boolean awaitingAnswer() {
            return order.getStatus() == OrderStatus.AWAITING_PAYMENT && attempts.stream().anyMatch(PaymentPage::inFlight);
        }
    }

    private Snapshot snapshot(PurchaseOrder o) {
        return new Snapshot(o, recorder.ofOrder(o));
    }

    /** A pending attempt recent enough to be still with the provider (older ones wait for the reconciler). */
    private static boolean inFlight(PaymentTransaction t) {
        return t.getStatus() == PaymentStatus.PENDING && !t.isWithBuyer() && t.getUpdatedAt().isAfter(Instant.now().minus(IN_FLIGHT));
    }

    private void confirm(String ref, Money amount) {
        state = State.CONFIRMED;
        reference = ref;
        paidAmount = amount.amount();
        currency = amount.currency().getCurrencyCode();
        notice = null;
    }

    private void close(String severity, String text) {
        state = State.CLOSED;
        notice(severity, text);
    }

    private void notice(String severity, String text) {
        noticeSeverity = severity;
        notice = text;
    }

    private Currency currency() {
        return currency == null ? null : Currency.getInstance(currency);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public boolean isValid() {
        return valid;
    }

    public State getState() {
        return state;
    }

    public String getMerchantName() {
        return merchantName;
    }

    public String getPageHeader() {
        return pageHeader;
    }

    public String getPageFooter() {
        return pageFooter;
    }

    public String getSupportInfo() {
        return supportInfo;
    }

    public String getOfferingTitle() {
        return offeringTitle;
    }

    /** The offering type's name ({@code LIVE_EVENT}...), for the bundle key {@code offeringType.*}. */
    public String getOfferingType() {
        return offeringType;
    }

    /**
     * Applies the promotion code typed (or removes it when blank) and moves to the payment page of the order
     * that results, which shows the discount and the new total before paying.
     */
    public void applyCode() {
        if (!valid || state != State.FORM) {
            return;
        }
        try {
            PurchaseOrder changed = orders.applyPromotionCode(order, codeInput, PortalGuesser.subjects());
            FacesContext.getCurrentInstance().getExternalContext().redirect(
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/pay/"
                            + changed.getPublicId() + "?sig=" + links.signature(changed.getPublicId()));
        } catch (org.eventcommerce.domain.common.BusinessException e) {
            FacesContext.getCurrentInstance().addMessage("payment:promotionCode",
                    new jakarta.faces.application.FacesMessage(jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                            org.eventcommerce.domain.common.Messages.format(Bundle.locale(), e.messageKey(),
                                    e.arguments()), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Removes the applied promotion code (Remove next to the discount): the page of the order at its list price.
     * Applying an empty field does the same.
     */
    public void removeCode() {
        codeInput = null;
        applyCode();
    }

    public boolean isPromotionCodes() {
        return promotionCodes;
    }

    public String getAppliedCode() {
        return appliedCode;
    }

    /** True when a discount applies to this order. */
    public boolean isDiscounted() {
        return discountAmount != null && discountAmount.signum() > 0;
    }

    /** The list price, formatted for the reader. */
    public String getListPrice() {
        return Formats.money(listAmount, currency(), Bundle.locale());
    }

    /** The discount, formatted for the reader. */
    public String getDiscount() {
        return Formats.money(discountAmount, currency(), Bundle.locale());
    }

    public String getCodeInput() {
        return codeInput;
    }

    public void setCodeInput(String codeInput) {
        this.codeInput = codeInput;
    }

    /** The total as the page shows it, plain ({@code 8.33}), for its hidden {@code total} field. */
    public String getShownTotal() {
        return totalAmount == null ? "" : totalAmount.toPlainString();
    }

    /**
     * The total the payer saw when they clicked Pay: the posted {@code total} field; the order's total when there is
     * none or it is not an amount of the order's currency (a post not made by this page pays what the API would: the
     * order's total).
     */
    private BigDecimal shownTotal() {
        if (postedTotal != null && postedTotal.matches("\\d{1,10}(\\.\\d{1,4})?")) {
            BigDecimal posted = new BigDecimal(postedTotal);
            if (posted.scale() <= totalAmount.scale()) {
                return posted.setScale(totalAmount.scale());
            }
        }
        return totalAmount;
    }

    /** The total to pay, formatted for the reader. */
    public String getTotal() {
        return Formats.money(totalAmount, currency(), Bundle.locale());
    }

    /** The amount paid, formatted for the reader. */
    public String getPaidAmount() {
        return Formats.money(paidAmount, currency(), Bundle.locale());
    }

    public List<CardBrand> getBrands() {
        return brands;
    }

    /** The provider's reference of the approved payment (Payflow PNREF), or null. */
    public String getReference() {
        return reference;
    }

    public String getNotice() {
        return notice;
    }

    /** {@code info}, {@code warn} or {@code error}. */
    public String getNoticeSeverity() {
        return noticeSeverity;
    }

    public String getOrder() {
        return order;
    }

    /** Set from the view parameter; ignored once the page is loaded (the signed link decides). */
    public void setOrder(String order) {
        if (!valid) {
            this.order = order;
        }
    }

    public String getSig() {
        return sig;
    }

    /** Set from the view parameter; ignored once the page is loaded (the signed link decides). */
    public void setSig(String sig) {
        if (!valid) {
            this.sig = sig;
        }
    }

    /** Always null: the number is never shown back. */
    public String getCardNumber() {
        return null;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getCardExpiry() {
        return cardExpiry;
    }

    public void setCardExpiry(String cardExpiry) {
        this.cardExpiry = cardExpiry;
    }

    /** Always null: the CVV is never shown back. */
    public String getCardCvv() {
        return null;
    }

    public void setCardCvv(String cardCvv) {
        this.cardCvv = cardCvv;
    }

    public String getCardHolder() {
        return cardHolder;
    }

    public void setCardHolder(String cardHolder) {
        this.cardHolder = cardHolder;
    }
}
