package org.eventcommerce.payments.express;

import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;
import org.eventcommerce.payments.money.Money;

/**
 * The fields of each classic NVP operation, in the order they are sent. Every request starts with
 * {@code METHOD}, {@code VERSION} ({@value #VERSION}), {@code USER}, {@code PWD}, {@code SIGNATURE} and
 * {@code SUBJECT} (§3.1, §3.2).
 *
 * <p>Currency: every operation that carries an amount sends its currency explicitly
 * ({@code PAYMENTREQUEST_0_CURRENCYCODE} on SetExpressCheckout and DoExpressCheckoutPayment, {@code CURRENCYCODE}
 * on DoCapture and RefundTransaction, full refunds included), because PayPal assumes USD otherwise and then
 * refuses with 10444 or 10613 (§3.4, §3.6, §6 item 8). DoVoid and GetTransactionDetails define no currency field
 * [DEV do-void-nvp; NVP-2013 "GetTransactionDetails Request Fields"], so none is sent there; the inquiry checks
 * the currency of the answer instead. Amounts are written by {@link Money#toPlainString()}: a dot, exactly the
 * currency's PayPal decimals (none for JPY, HUF, TWD), no grouping.
 *
 * <p>Idempotency: DoExpressCheckoutPayment, DoCapture, DoVoid and RefundTransaction carry {@code MSGSUBID}
 * (1-38 characters; "unique ID passed for each API request to help prevent duplicate payments" [DEV
 * do-express-checkout-payment-nvp; §3.5]). Resending the same attempt must reuse it. SetExpressCheckout moves no
 * money and documents no MSGSUBID, so it sends none.
 *
 * <p>Stateless and thread-safe; builds values only, sends nothing.
 */
public final class ExpressRequests {

    /**
     * The pinned API version. 124.0 is what ActiveMerchant sends (§3.1); it is above 94.0, from which MSGSUBID is
     * documented on DoVoid (92.0 on RefundTransaction) [DEV do-void-nvp; NVP-2013 RefundTransaction], and it
     * understands the {@code PAYMENTREQUEST_0_*} names (API 63.0 and later). Retest before changing it (§3.1).
     */
    public static final String VERSION = "124.0";

    /** Maximum MSGSUBID length [DEV do-express-checkout-payment-nvp; §3.5]. */
    public static final int MAX_MSGSUBID = 38;

    private ExpressRequests() {
    }

    /** SetExpressCheckout for {@code setup}, with {@code NOSHIPPING=1} (events ship nothing; §3.4 row 10736). */
    public static SequencedMap<String, String> setExpressCheckout(ExpressCheckoutConfig config, CheckoutSetup setup) {
        Objects.requireNonNull(setup, "setup");
        SequencedMap<String, String> f = header(config, "SetExpressCheckout");
        f.put("PAYMENTREQUEST_0_AMT", setup.amount().toPlainString());
        f.put("PAYMENTREQUEST_0_CURRENCYCODE", code(setup.amount().currency()));
        f.put("PAYMENTREQUEST_0_PAYMENTACTION", setup.action().wire());
        putIfPresent(f, "PAYMENTREQUEST_0_INVNUM", setup.invoice());
        putIfPresent(f, "PAYMENTREQUEST_0_DESC", setup.description());
        f.put("RETURNURL", setup.returnUrl().toString());
        f.put("CANCELURL", setup.cancelUrl().toString());
        f.put("NOSHIPPING", "1");
        return done(f);
    }

    /** GetExpressCheckoutDetails for {@code token}. */
    public static SequencedMap<String, String> getExpressCheckoutDetails(ExpressCheckoutConfig config, String token) {
        SequencedMap<String, String> f = header(config, "GetExpressCheckoutDetails");
        f.put("TOKEN", requireText(token, "token"));
        return done(f);
    }

    /** DoExpressCheckoutPayment: the payment the buyer approved. */
    public static SequencedMap<String, String> doExpressCheckoutPayment(ExpressCheckoutConfig config, String token,
            String payerId, Money amount, PaymentAction action, String invoice, String msgSubId) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(action, "action");
        SequencedMap<String, String> f = header(config, "DoExpressCheckoutPayment");
        f.put("TOKEN", requireText(token, "token"));
        f.put("PAYERID", requireText(payerId, "payerId"));
        f.put("PAYMENTREQUEST_0_AMT", amount.toPlainString());
        f.put("PAYMENTREQUEST_0_CURRENCYCODE", code(amount.currency()));
        f.put("PAYMENTREQUEST_0_PAYMENTACTION", action.wire());
        putIfPresent(f, "PAYMENTREQUEST_0_INVNUM", invoice);
        f.put("MSGSUBID", msgSubId(msgSubId));
        return done(f);
    }

    /** DoCapture of {@code amount} on {@code authorizationId}. */
    public static SequencedMap<String, String> doCapture(ExpressCheckoutConfig config, String authorizationId,
            Money amount, CompleteType completeType, String msgSubId) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(completeType, "completeType");
        SequencedMap<String, String> f = header(config, "DoCapture");
        f.put("AUTHORIZATIONID", requireText(authorizationId, "authorizationId"));
        f.put("AMT", amount.toPlainString());
        f.put("CURRENCYCODE", code(amount.currency()));
        f.put("COMPLETETYPE", completeType.wire());
        f.put("MSGSUBID", msgSubId(msgSubId));
        return done(f);
    }

    /** DoVoid of {@code authorizationId}. */
    public static SequencedMap<String, String> doVoid(ExpressCheckoutConfig config, String authorizationId,
            String msgSubId) {
        SequencedMap<String, String> f = header(config, "DoVoid");
        f.put("AUTHORIZATIONID", requireText(authorizationId, "authorizationId"));
        f.put("MSGSUBID", msgSubId(msgSubId));
        return done(f);
    }

    /**
     * RefundTransaction: {@code REFUNDTYPE=Full} with CURRENCYCODE only when {@code partialAmount} is null,
     * otherwise {@code REFUNDTYPE=Partial}, AMT and CURRENCYCODE (required for partial refunds).
     *
     * @param currency      the original's currency; must equal {@code partialAmount}'s when both are given
     * @param partialAmount the amount to refund, or null for a full refund
     */
    public static SequencedMap<String, String> refundTransaction(ExpressCheckoutConfig config, String transactionId,
            Currency currency, Money partialAmount, String msgSubId) {
        Objects.requireNonNull(currency, "currency");
        if (partialAmount != null && !partialAmount.currency().equals(currency)) {
            throw new IllegalArgumentException("refund currency " + partialAmount.currency() + " differs from " + currency);
        }
        if (partialAmount != null && !partialAmount.isPositive()) {
            throw new IllegalArgumentException("a partial refund must be positive");
        }
        SequencedMap<String, String> f = header(config, "RefundTransaction");
        f.put("TRANSACTIONID", requireText(transactionId, "transactionId"));
        f.put("REFUNDTYPE", partialAmount == null ? "Full" : "Partial");
        if (partialAmount != null) {
            f.put("AMT", partialAmount.toPlainString());
        }
        f.put("CURRENCYCODE", code(currency));
        f.put("MSGSUBID", msgSubId(msgSubId));
        return done(f);
    }

    /** GetTransactionDetails for {@code transactionId}. */
    public static SequencedMap<String, String> getTransactionDetails(ExpressCheckoutConfig config,
            String transactionId) {
        SequencedMap<String, String> f = header(config, "GetTransactionDetails");
        f.put("TRANSACTIONID", requireText(transactionId, "transactionId"));
        return done(f);
    }

    private static SequencedMap<String, String> header(ExpressCheckoutConfig config, String method) {
        Objects.requireNonNull(config, "config");
        SequencedMap<String, String> f = new LinkedHashMap<>();
        f.put("METHOD", method);
        f.put("VERSION", VERSION);
        f.put("USER", config.credentials().username());
        f.put("PWD", config.credentials().password());
        f.put("SIGNATURE", config.credentials().signature());
        f.put("SUBJECT", config.subject());
        return f;
    }

    private static SequencedMap<String, String> done(SequencedMap<String, String> fields) {
        return Collections.unmodifiableSequencedMap(fields);
    }

    private static String code(Currency currency) {
        return currency.getCurrencyCode();
    }

    private static void putIfPresent(SequencedMap<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * @throws IllegalArgumentException unless 1-38 printable ASCII characters
     */
    static String msgSubId(String value) {
        Objects.requireNonNull(value, "msgSubId (reuse the attempt's id when resending)");
        if (value.isEmpty() || value.length() > MAX_MSGSUBID
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("msgSubId must be 1-" + MAX_MSGSUBID + " printable ASCII characters");
        }
        return value;
    }
}
