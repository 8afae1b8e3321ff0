package org.eventcommerce.payments.express;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.money.Money;

/**
 * Maps everything a classic NVP call can end with to {@link ExpressOutcome} and {@link PaymentStatus}.
 *
 * <h2>ACK and L_ERRORCODE0</h2>
 * <table>
 *   <caption>call outcome</caption>
 *   <tr><th>answer</th><th>status</th><th>why</th></tr>
 *   <tr><td>ACK {@code Success} / {@code SuccessWithWarning}</td><td>APPROVED, refined by the payment status
 *       below</td><td>peers count both as success (§3.4)</td></tr>
 *   <tr><td>SuccessWithWarning + 11607</td><td>the original payment's status, {@code duplicate=true}</td><td>"PayPal
 *       marks the request as a duplicate and does not process it again ... returns the result parameters of the
 *       original request" [DEV troubleshooting/11607; §3.4, §3.5]. If the replayed amount is not ours it cannot be
 *       trusted: UNKNOWN, message {@value #DUPLICATE_MISMATCH}</td></tr>
 *   <tr><td>SuccessWithWarning + 11610</td><td>HELD</td><td>pending review by Fraud Management Filters
 *       (§3.4)</td></tr>
 *   <tr><td>Failure + 10415</td><td>UNKNOWN, {@link ExpressError#ALREADY_COMPLETED}</td><td>a payment already exists
 *       for this token: reconcile, never pay again [DEV troubleshooting/10415]</td></tr>
 *   <tr><td>Failure + 10001</td><td>UNKNOWN</td><td>"Internal error ... The transaction id may not be correct"
 *       [DEV errors]</td></tr>
 *   <tr><td>any other Failure / FailureWithWarning</td><td>DECLINED with the {@link ExpressError}</td><td>10486
 *       redirect, 10411 expired, 10002 permission, 10413 totals ...</td></tr>
 *   <tr><td>no ACK, another ACK value, HTTP status other than 200, unreadable body</td><td>UNKNOWN</td><td>sent; the
 *       outcome cannot be read (DESIGN.md step 3)</td></tr>
 *   <tr><td>connect refused, connect time-out, DNS, TLS handshake</td><td>NOT_SENT</td><td>nothing was written</td></tr>
 *   <tr><td>any other transport failure (read time-out, reset)</td><td>UNKNOWN</td><td>it may have been processed</td></tr>
 * </table>
 *
 * <h2>PAYMENTSTATUS (DoExpressCheckoutPayment, DoCapture, GetTransactionDetails)</h2>
 * [NVP-2013 "PaymentInfoType Fields"]: {@code Completed}, {@code Processed} → APPROVED; {@code Pending} with
 * PENDINGREASON {@code authorization} or {@code order} → APPROVED (that is what a successful authorization looks
 * like); any other {@code Pending} and {@code In-Progress} → HELD (DESIGN.md: "Express Checkout pending → HELD");
 * {@code Refunded}, {@code Partially_Refunded}, {@code Canceled-Reversal} → APPROVED (the payment was made; refunds
 * are tracked as their own transactions); {@code Denied}, {@code Failed}, {@code Voided}, {@code Expired},
 * {@code Reversed} → DECLINED; anything else or nothing → UNKNOWN.
 *
 * <p>Stateless and thread-safe. Fields are always scrubbed by {@link ExpressScrubber}.
 */
public final class ExpressResultMapper {

    /** The message of an 11607 answer whose amount is not this request's. */
    public static final String DUPLICATE_MISMATCH = "duplicate answer does not match this request";

    private static final Set<String> APPROVED_PAYMENT = Set.of("completed", "processed", "refunded",
            "partially_refunded", "canceled-reversal", "canceled_reversal");
    private static final Set<String> DECLINED_PAYMENT = Set.of("denied", "failed", "voided", "expired", "reversed");
    private static final Set<String> AUTHORIZATION_REASONS = Set.of("authorization", "order");

    private ExpressResultMapper() {
    }

    /**
     * The call outcome of a decoded answer (table "ACK and L_ERRORCODE0"), before any payment status.
     *
     * @param fields the decoded answer
     * @return never null; fields scrubbed
     */
    public static ExpressOutcome outcome(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        String ack = fields.get("ACK");
        String code = blankToNull(fields.get("L_ERRORCODE0"));
        String shortMessage = fields.get("L_SHORTMESSAGE0");
        String longMessage = fields.get("L_LONGMESSAGE0");
        ExpressError error = ExpressError.of(code, longMessage);
        PaymentStatus status;
        String message = longMessage;
        if (ack == null) {
            status = PaymentStatus.UNKNOWN;
            message = "answer without ACK";
        } else if (ack.equals("Success") || ack.equals("SuccessWithWarning")) {
            status = error == ExpressError.FRAUD_REVIEW ? PaymentStatus.HELD : PaymentStatus.APPROVED;
        } else if (ack.equals("Failure") || ack.equals("FailureWithWarning")) {
            status = error == ExpressError.ALREADY_COMPLETED || "10001".equals(code)
                    ? PaymentStatus.UNKNOWN : PaymentStatus.DECLINED;
        } else {
            status = PaymentStatus.UNKNOWN;
            message = "unexpected ACK value";
        }
        return new ExpressOutcome(status, ack, error, code, shortMessage, message, fields.get("CORRELATIONID"),
                error == ExpressError.DUPLICATE_REQUEST, ExpressScrubber.scrub(fields));
    }

    /**
     * The status of a payment from PAYMENTSTATUS and PENDINGREASON (table "PAYMENTSTATUS").
     *
     * @param paymentStatus e.g. {@code Completed}, {@code Pending}; may be null
     * @param pendingReason e.g. {@code authorization}, {@code paymentreview}; may be null
     */
    public static PaymentStatus paymentStatus(String paymentStatus, String pendingReason) {
        if (paymentStatus == null || paymentStatus.isBlank()) {
            return PaymentStatus.UNKNOWN;
        }
        String value = paymentStatus.strip().toLowerCase(Locale.ROOT);
        if (APPROVED_PAYMENT.contains(value)) {
            return PaymentStatus.APPROVED;
        }
        if (DECLINED_PAYMENT.contains(value)) {
            return PaymentStatus.DECLINED;
        }
        if (value.equals("pending")) {
            String reason = pendingReason == null ? "" : pendingReason.strip().toLowerCase(Locale.ROOT);
            return AUTHORIZATION_REASONS.contains(reason) ? PaymentStatus.APPROVED : PaymentStatus.HELD;
        }
        if (value.equals("in-progress")) {
            return PaymentStatus.HELD;
        }
        return PaymentStatus.UNKNOWN;
    }

    /**
     * A payment answer (DoExpressCheckoutPayment with {@code prefix = "PAYMENTINFO_0_"}, DoCapture with
     * {@code prefix = ""}).
     *
     * @param fields    the decoded answer
     * @param prefix    where the payment fields are
     * @param requested the amount asked for; its currency reads the answer's amount
     * @return APPROVED/HELD/DECLINED/UNKNOWN per both tables; UNKNOWN when an acknowledged answer names another
     *         currency, or when an 11607 replay's amount differs from {@code requested}
     */
    public static ExpressPayment payment(Map<String, String> fields, String prefix, Money requested) {
        ExpressOutcome outcome = outcome(fields);
        String transactionId = blankToNull(fields.get(prefix + "TRANSACTIONID"));
        String status = fields.get(prefix + "PAYMENTSTATUS");
        String reason = fields.get(prefix + "PENDINGREASON");
        String currency = fields.get(prefix + "CURRENCYCODE");
        Money amount = amount(fields.get(prefix + "AMT"), currency, requested.currency());
        if (outcome.status() == PaymentStatus.APPROVED) {
            PaymentStatus mapped = paymentStatus(status, reason);
            String message = outcome.message();
            if (currency != null && !currency.isBlank() && !currency.strip().equals(requested.currency().getCurrencyCode())) {
                mapped = PaymentStatus.UNKNOWN;
                message = "answer currency " + currency.strip() + " differs from " + requested.currency();
            } else if (outcome.duplicate() && (amount == null || amount.compareTo(requested) != 0)) {
                mapped = PaymentStatus.UNKNOWN;
                message = DUPLICATE_MISMATCH;
            } else if (mapped == PaymentStatus.UNKNOWN && message == null) {
                message = status == null ? "answer without payment status" : "unexpected payment status";
            }
            outcome = withStatus(outcome, mapped, message);
        }
        return new ExpressPayment(outcome, transactionId, status, reason, amount,
                blankToNull(fields.get("AUTHORIZATIONID")));
    }

    /**
     * An amount as PayPal wrote it (a dot, optional thousands commas), in {@code currencyCode} when it names a
     * currency, else in {@code fallback}.
     *
     * @return null when absent, unreadable, or with more decimals than PayPal allows for the currency
     */
    public static Money amount(String amt, String currencyCode, Currency fallback) {
        if (amt == null || amt.isBlank()) {
            return null;
        }
        try {
            Currency currency = currencyCode == null || currencyCode.isBlank() ? fallback
                    : Currency.getInstance(currencyCode.strip());
            if (currency == null) {
                return null;
            }
            return new Money(new BigDecimal(amt.strip().replace(",", "")), currency);
        } catch (RuntimeException e) { // NumberFormatException, unknown code, too many decimals
            return null;
        }
    }

    /** An HTTP status other than 200: UNKNOWN. */
    public static ExpressOutcome fromHttpStatus(int httpStatus) {
        return ExpressOutcome.unknown("HTTP " + httpStatus + " from PayPal; outcome unknown");
    }

    /** A body that {@link UrlEncodedNvp#decode} refused: UNKNOWN, the problem only, no content. */
    public static ExpressOutcome fromUnreadableBody(RuntimeException e) {
        return ExpressOutcome.unknown("unreadable PayPal answer: " + e.getMessage());
    }

    /**
     * NOT_SENT when {@code failure} proves nothing was written ({@link #failedBeforeSending}), otherwise UNKNOWN.
     */
    public static ExpressOutcome fromTransportFailure(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        String message = failure.getMessage();
        String what = failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return failedBeforeSending(failure)
                ? ExpressOutcome.notSent("not sent to PayPal: " + what)
                : ExpressOutcome.unknown("no answer from PayPal after sending: " + what);
    }

    /**
     * True when {@code failure} or a cause is a connect time-out, a refused connection, an unresolved host or a
     * failed TLS handshake: the request was never written.
     */
    public static boolean failedBeforeSending(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException || t instanceof UnknownHostException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    static ExpressOutcome withStatus(ExpressOutcome o, PaymentStatus status, String message) {
        return new ExpressOutcome(status, o.ack(), o.error(), o.errorCode(), o.shortMessage(), message,
                o.correlationId(), o.duplicate(), o.fields());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
