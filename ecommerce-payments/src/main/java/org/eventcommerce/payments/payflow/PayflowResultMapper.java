package org.eventcommerce.payments.payflow;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * Maps everything a Payflow call can end with to a {@link PaymentResult}: an answer's RESULT code, an Inquiry's
 * report on the original transaction, a {@code DUPLICATE=1} replay, a non-200 HTTP status, an unreadable body,
 * and transport failures.
 *
 * <h2>RESULT → {@link PaymentStatus}</h2>
 * From [PFP-2009 Table 6.9 pp.58-64] (same in [WPPPF-2009]) and the newer wording mirrored in §1.6:
 * <table>
 *   <caption>RESULT mapping</caption>
 *   <tr><th>RESULT</th><th>status</th><th>why</th></tr>
 *   <tr><td>0</td><td>APPROVED</td><td>"Approved"</td></tr>
 *   <tr><td>126, 127</td><td>HELD</td><td>126: Fraud Protection Services flagged it for review, "authorized but
 *       requires you to review and manually accept"; 127: not processed by filters, shown "under review" by the
 *       SDK sample [SDK DOSaleComplete.java l.548-580] (127 is §1.6 "unsure")</td></tr>
 *   <tr><td>11, 103, 104, 107, 109, 150</td><td>UNKNOWN</td><td>time-outs and read errors after which the processor
 *       may hold an authorization or settle the sale: resolve by inquiry (§1.6 "ambiguous → Inquiry")</td></tr>
 *   <tr><td>&lt; 0</td><td>NOT_SENT</td><td>communication error: "No transaction is attempted" (§1.5, §1.6)</td></tr>
 *   <tr><td>any other &gt; 0</td><td>DECLINED</td><td>decline or error, including 19 "Original transaction ID not
 *       found" and 20 "Cannot find customer reference"</td></tr>
 * </table>
 *
 * <h2>Inquiry answers (TRXTYPE=I)</h2>
 * The field names were checked against PayPal's Java SDK [SDK {@code java/src/sdk/dataobjects/paypal/payflow/
 * TransactionResponse.java#setParams}, {@code java/src/paypal/payments/samples/dataobjects/basictransactions/
 * DOInquiry.java}]: the answer's own {@code RESULT}/{@code PNREF} describe the inquiry call; the original
 * transaction is reported as {@code ORIGRESULT} ("Original transaction result for which inquiry transaction is
 * performed"), {@code ORIGPNREF}, {@code TRANSSTATE} (MEDIUM verbosity and up), plus {@code CUSTREF},
 * {@code AMT}, {@code ORIGAMT}, {@code RESPMSG}, {@code AUTHCODE}, {@code SETTLE_DATE}, {@code BATCHID}. The SDK
 * also reads a {@code STATUS} field, but it documents no meaning for it in an inquiry, so it is not used here.
 * <ul>
 *   <li>{@code status} is the outcome of the inquiry call itself: RESULT 0 → APPROVED (found); 19 and 20 →
 *       DECLINED with that code (nothing found); otherwise the table above.</li>
 *   <li>{@code originalStatus} (only when the inquiry was APPROVED): ORIGRESULT mapped as 0 → APPROVED,
 *       126/127 → HELD, ambiguous → UNKNOWN, anything else → DECLINED; but TRANSSTATE ≥ 1000 ("+1000 = voided",
 *       [PFP-2009 Appendix D Tables D.2/D.3 pp.143-144]) → DECLINED. Without a readable ORIGRESULT → UNKNOWN.</li>
 *   <li>{@code reference} = ORIGPNREF when present, else PNREF; {@code amount} from AMT.</li>
 * </ul>
 *
 * <h2>DUPLICATE</h2>
 * A reused {@code X-VPS-REQUEST-ID} makes Payflow replay the first answer with {@code DUPLICATE=1} instead of
 * processing again [Gateway guide 2014 pp.157-159; §1.2, §1.5]. DESIGN.md step 4: a DUPLICATE=1 answer cannot be
 * trusted to be this attempt's answer when, for a kind that sends AMT, its AMT is absent, unreadable or different
 * from the requested amount, or when it echoes a CUSTREF (VERBOSITY=HIGH answers may) that is not the attempt's
 * (the replay of another transaction under a colliding request id, as in angelleye/paypal-woocommerce#97): it becomes
 * UNKNOWN with message {@value #DUPLICATE_MISMATCH}, to be settled by an inquiry on the attempt's CUSTREF, and
 * {@link #isDuplicateMismatch} tells the caller, which must not record its PNREF as the attempt's and should alert
 * the administrator. A matching duplicate keeps its mapped status. Any other non-zero DUPLICATE value (a
 * repeated ORDERID is reported as DUPLICATE=2 by some integrators' notes; this connector sends no ORDERID) also
 * becomes UNKNOWN.
 *
 * <h2>Transport</h2>
 * Failures raised before the request could be written (connection refused, connect timeout, unknown host, TLS
 * handshake failure: Payflow's own -1, -2, -8 "no transaction is attempted") → NOT_SENT; any other failure (a
 * read time-out, a reset after sending), a non-200 status or an unreadable body → UNKNOWN (DESIGN.md step 3).
 *
 * <p>Stateless and thread-safe. No message produced here holds card data or passwords; {@code fields} are
 * scrubbed by {@link NvpScrubber}.
 */
public final class PayflowResultMapper {

    /** The RESULT codes after which the transaction may or may not exist (§1.6). */
    public static final Set<Integer> AMBIGUOUS_RESULTS = Set.of(11, 103, 104, 107, 109, 150);

    /** The RESULT codes meaning "held for review" (§1.6). */
    public static final Set<Integer> HELD_RESULTS = Set.of(126, 127);

    /** TRANSSTATE at and above which the original transaction was voided [PFP-2009 Appendix D]. */
    public static final int VOIDED_TRANSSTATE = 1000;

    /** The message of a DUPLICATE=1 answer that does not match the attempt (DESIGN.md step 4). */
    public static final String DUPLICATE_MISMATCH = "duplicate answer does not match this attempt";

    private PayflowResultMapper() {
    }

    /**
     * The status for a Payflow RESULT code (table in the class comment).
     *
     * @param result the RESULT value, e.g. {@code 0}, {@code 12}, {@code 126}, {@code -1}
     * @return APPROVED, HELD, UNKNOWN, NOT_SENT or DECLINED
     */
    public static PaymentStatus status(int result) {
        if (result == 0) {
            return PaymentStatus.APPROVED;
        }
        if (result < 0) {
            return PaymentStatus.NOT_SENT;
        }
        if (HELD_RESULTS.contains(result)) {
            return PaymentStatus.HELD;
        }
        if (AMBIGUOUS_RESULTS.contains(result)) {
            return PaymentStatus.UNKNOWN;
        }
        return PaymentStatus.DECLINED;
    }

    /**
     * Whether a RESULT leaves the transaction's existence open.
     *
     * @param result the RESULT value
     * @return true for 11, 103, 104, 107, 109 and 150
     */
    public static boolean isAmbiguous(int result) {
        return AMBIGUOUS_RESULTS.contains(result);
    }

    /**
     * The status of the transaction an Inquiry reported on.
     *
     * @param origResult the answer's ORIGRESULT, may be null
     * @param transState the answer's TRANSSTATE, may be null (LOW verbosity omits it)
     * @return 0 → APPROVED, 126/127 → HELD, ambiguous → UNKNOWN, other → DECLINED; DECLINED whenever TRANSSTATE is
     *         1000 or more (voided); UNKNOWN when ORIGRESULT is missing or not an integer (and not voided)
     */
    public static PaymentStatus originalStatus(String origResult, String transState) {
        Integer state = parseInt(transState);
        if (state != null && state >= VOIDED_TRANSSTATE) {
            return PaymentStatus.DECLINED;
        }
        Integer orig = parseInt(origResult);
        if (orig == null || isAmbiguous(orig)) {
            return PaymentStatus.UNKNOWN;
        }
        if (orig == 0) {
            return PaymentStatus.APPROVED;
        }
        if (HELD_RESULTS.contains(orig)) {
            return PaymentStatus.HELD;
        }
        return PaymentStatus.DECLINED;
    }

    /**
     * The result for a decoded Payflow answer to {@code request}.
     *
     * @param request the request that was sent (its kind, amount and currency matter)
     * @param fields  the decoded answer, e.g. from {@link NvpDecoder#decode(String)}
     * @return resultCode = RESULT as sent, message = RESPMSG, reference = PNREF (ORIGPNREF first for an inquiry),
     *         authCode = AUTHCODE, amount = AMT in the request's currency (null when absent or not a valid amount for
     *         that currency), duplicate = DUPLICATE=1, originalStatus for an approved inquiry, fields = all fields,
     *         scrubbed. A missing or non-integer RESULT gives UNKNOWN.
     */
    public static PaymentResult fromAnswer(PaymentRequest request, Map<String, String> fields) {
        Objects.requireNonNull(request, "request");
        return fromAnswer(request.kind(), request.amount(), PayflowRequestBuilder.sendsAmount(request.kind()),
                request.kind() == TransactionKind.INQUIRY ? null : request.attempt().custRef(), fields);
    }

    /**
     * True when {@code result} is a {@code DUPLICATE=1} answer that does not match the attempt it answered (class
     * comment "DUPLICATE"): its reference, authorization code and amount belong to another transaction, and the
     * attempt's outcome is UNKNOWN until an inquiry on its CUSTREF settles it.
     */
    public static boolean isDuplicateMismatch(PaymentResult result) {
        return result != null && result.duplicate() && result.status() == PaymentStatus.UNKNOWN
                && DUPLICATE_MISMATCH.equals(result.message());
    }

    /**
     * The result for a decoded Payflow answer to a request of {@code kind} for {@code requested}; the redirect flows
     * (Secure Token, Express Checkout) use it directly.
     *
     * @param kind              the kind of call (INQUIRY reads ORIGPNREF/ORIGRESULT)
     * @param requested         the amount asked for, or a zero amount naming the currency only
     * @param sentAmount        whether the request carried AMT: a DUPLICATE=1 answer must then echo it
     * @param fields            the decoded answer
     * @return as {@link #fromAnswer(PaymentRequest, Map)}
     */
    static PaymentResult fromAnswer(TransactionKind kind, Money requested, boolean sentAmount,
                                    Map<String, String> fields) {
        return fromAnswer(kind, requested, sentAmount, null, fields);
    }

    /**
     * As {@link #fromAnswer(TransactionKind, Money, boolean, Map)}, also checking that a {@code DUPLICATE=1} answer
     * which echoes a CUSTREF echoes {@code expectedCustRef}.
     *
     * @param expectedCustRef the CUSTREF the request carried as the attempt's own, or null not to check it
     */
    static PaymentResult fromAnswer(TransactionKind kind, Money requested, boolean sentAmount, String expectedCustRef,
                                    Map<String, String> fields) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(fields, "fields");
        Map<String, String> scrubbed = NvpScrubber.scrub(fields);
        String resultCode = fields.get("RESULT");
        String message = fields.get("RESPMSG");
        boolean inquiry = kind == TransactionKind.INQUIRY;
        String reference = inquiry && present(fields.get("ORIGPNREF")) ? fields.get("ORIGPNREF") : fields.get("PNREF");
        String authCode = fields.get("AUTHCODE");
        Money amount = parseAmount(fields.get("AMT"), requested);
        String duplicateFlag = fields.get("DUPLICATE");
        boolean duplicate = duplicateFlag != null && duplicateFlag.strip().equals("1");

        Integer result = parseInt(resultCode);
        PaymentStatus status;
        PaymentStatus originalStatus = null;
        if (result == null) {
            status = PaymentStatus.UNKNOWN;
            message = resultCode == null ? "answer without RESULT" : "answer with a non-numeric RESULT";
        } else {
            status = status(result);
            if (inquiry && status == PaymentStatus.APPROVED) {
                originalStatus = originalStatus(fields.get("ORIGRESULT"), fields.get("TRANSSTATE"));
            }
        }
        String echoedCustRef = fields.get("CUSTREF");
        boolean otherCustRef = expectedCustRef != null && present(echoedCustRef)
                && !echoedCustRef.strip().equals(expectedCustRef);
        if (duplicate && (otherCustRef || sentAmount && (amount == null || amount.compareTo(requested) != 0))) {
            status = PaymentStatus.UNKNOWN;
            message = DUPLICATE_MISMATCH;
        } else if (!duplicate && duplicateFlag != null && !duplicateFlag.strip().equals("0")) {
            status = PaymentStatus.UNKNOWN;
            message = "unexpected DUPLICATE flag in answer";
        }
        return new PaymentResult(status, resultCode, message, reference, authCode, amount, duplicate, originalStatus,
                scrubbed);
    }

    /**
     * The result for an HTTP status other than 200: the request may have been processed.
     *
     * @param httpStatus the status received, e.g. 500
     * @return UNKNOWN, message {@code "HTTP <status> from Payflow; outcome unknown"}
     */
    public static PaymentResult fromHttpStatus(int httpStatus) {
        return PaymentResult.unknown("HTTP " + httpStatus + " from Payflow; outcome unknown");
    }

    /**
     * The result for a 200 answer whose body could not be read as NVP.
     *
     * @param e what {@link NvpDecoder#decode(String)} raised
     * @return UNKNOWN, message {@code "unreadable Payflow answer: <problem> (at offset <n>)"}, no body content
     */
    public static PaymentResult fromUnreadableBody(NvpFormatException e) {
        return PaymentResult.unknown("unreadable Payflow answer: " + e.getMessage());
    }

    /**
     * NOT_SENT when {@code failure} happened before the request could be written
     * ({@link #failedBeforeSending(Throwable)}), otherwise UNKNOWN.
     *
     * @param failure what {@link java.net.http.HttpClient} raised (unwrapped from any ExecutionException)
     * @return NOT_SENT with message {@code "not sent to Payflow: <exception>"}, or UNKNOWN with message
     *         {@code "no answer from Payflow after sending: <exception>"}; no result code, no fields
     */
    public static PaymentResult fromTransportFailure(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        String what = describe(failure);
        return failedBeforeSending(failure)
                ? PaymentResult.notSent("not sent to Payflow: " + what)
                : PaymentResult.unknown("no answer from Payflow after sending: " + what);
    }

    /**
     * True when {@code failure}, or any exception in its cause chain, proves nothing was written:
     * {@link HttpConnectTimeoutException}, {@link ConnectException} (refused), {@link UnresolvedAddressException}
     * or {@link UnknownHostException} (DNS), {@link SSLHandshakeException} (the HTTP request is only written once
     * the TLS handshake is complete). A plain {@link java.net.http.HttpTimeoutException} is a read time-out and
     * gives false.
     *
     * @param failure the exception to classify
     * @return true when nothing can have reached Payflow
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

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** AMT in the request's currency, or null when absent or not a valid amount for it (e.g. decimals on JPY). */
    private static Money parseAmount(String amt, Money requested) {
        if (!present(amt)) {
            return null;
        }
        try {
            return new Money(new BigDecimal(amt.strip()), requested.currency());
        } catch (RuntimeException e) { // NumberFormatException, or too many decimals for the currency
            return null;
        }
    }

    private static Integer parseInt(String value) {
        if (!present(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
