package org.eventcommerce.payments.express;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.money.Money;

/**
 * PayPal Express Checkout over the classic NVP API, as a platform calling for merchants who granted it API
 * permission (§3.1-§3.7): SetExpressCheckout → redirect the buyer → GetExpressCheckoutDetails →
 * DoExpressCheckoutPayment, then DoCapture, DoVoid, RefundTransaction and GetTransactionDetails.
 *
 * <p>Each method is one HTTP {@code POST} to {@link ExpressCheckoutConfig#endpoint()} with
 * {@code Content-Type: application/x-www-form-urlencoded}, the body of {@link ExpressRequests} encoded by
 * {@link UrlEncodedNvp} (VERSION {@value ExpressRequests#VERSION}, USER/PWD/SIGNATURE, SUBJECT = the merchant's
 * e-mail). The answer is decoded by {@link UrlEncodedNvp} and mapped by {@link ExpressResultMapper}. The whole
 * exchange is bounded by the configured timeout plus the client's connect time-out.
 *
 * <p>Methods never throw for an answer or a transport failure: every outcome is in the result's
 * {@link ExpressOutcome} (APPROVED, DECLINED, HELD, NOT_SENT, UNKNOWN, plus an {@link ExpressError} the caller acts
 * on: {@link ExpressError#REDIRECT_BUYER} 10486, {@link ExpressError#TOKEN_EXPIRED} 10411,
 * {@link ExpressError#NO_PERMISSION} 10002, {@link ExpressError#DUPLICATE_REQUEST} 11607,
 * {@link ExpressError#TOTALS_MISMATCH} 10413, {@link ExpressError#ALREADY_COMPLETED} 10415). They throw
 * {@link IllegalArgumentException} / {@link NullPointerException} only for programming errors (a missing token, a
 * MSGSUBID over 38 characters, a partial refund in another currency).
 *
 * <p>Resending: after UNKNOWN or NOT_SENT, call again with the <b>same MSGSUBID</b>; PayPal then answers with the
 * original outcome instead of charging twice (§3.5). After a DoExpressCheckoutPayment timeout,
 * {@link #getExpressCheckoutDetails(String)} tells whether the token was used (CHECKOUTSTATUS, [EC-2012 "Timeouts"
 * p.26]).
 *
 * <p>Logging: requests and answers at {@code DEBUG} (JUL {@code FINE}) on the logger named after this class, after
 * {@link ExpressScrubber} removed PWD and SIGNATURE; CORRELATIONID is logged with every outcome; transport failures at
 * {@code WARNING}. The password and signature never reach a log, a message or a result.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExpressCheckoutConnector {

    /** Connect time-out of the client made by {@link #ExpressCheckoutConnector(ExpressCheckoutConfig)}. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Return and cancel URL sent by {@link #testConnection(Currency)}; PayPal never sends a buyer there. */
    public static final URI CONNECTION_TEST_URL = URI.create("https://localhost/express-checkout/connection-test");

    private static final Logger LOG = System.getLogger(ExpressCheckoutConnector.class.getName());

    private final ExpressCheckoutConfig config;
    private final HttpClient http;
    private final Duration deadline;

    /**
     * A connector with its own HTTP/1.1 client (connect time-out {@link #CONNECT_TIMEOUT}, no redirects).
     *
     * @throws NullPointerException when {@code config} is null
     */
    public ExpressCheckoutConnector(ExpressCheckoutConfig config) {
        this(config, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /**
     * A connector using {@code http} (shared, thread-safe; give it a connect time-out, or a hung connect is reported
     * as UNKNOWN after the read time-out).
     *
     * @throws NullPointerException when an argument is null
     */
    public ExpressCheckoutConnector(ExpressCheckoutConfig config, HttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.deadline = config.timeout().plus(http.connectTimeout().orElse(Duration.ZERO));
    }

    /** The configuration (endpoint, subject, credentials masked in its toString). */
    public ExpressCheckoutConfig config() {
        return config;
    }

    /**
     * Where to send the buyer for {@code token}: {@link ExpressCheckoutConfig#redirectBase()} + the URL-encoded token.
     * Use it after SetExpressCheckout and again, with the same token, after {@link ExpressError#REDIRECT_BUYER}.
     */
    public URI redirectUrl(String token) {
        Objects.requireNonNull(token, "token");
        return URI.create(config.redirectBase() + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /**
     * SetExpressCheckout: starts a checkout and gets a token [DEV set-express-checkout-nvp; §3.3 step 1].
     *
     * @param setup amount (currency sent as PAYMENTREQUEST_0_CURRENCYCODE), return and cancel URLs, invoice,
     *              description, Sale or Authorization
     * @return the token and the buyer's redirect URL when APPROVED; otherwise the error (10002, 10413, 10605, ...)
     */
    public SetCheckoutResult setExpressCheckout(CheckoutSetup setup) {
        Answer answer = send("SetExpressCheckout", ExpressRequests.setExpressCheckout(config, setup));
        if (answer.failure() != null) {
            return new SetCheckoutResult(answer.failure(), null, null);
        }
        ExpressOutcome outcome = ExpressResultMapper.outcome(answer.fields());
        String token = ExpressResultMapper.blankToNull(answer.fields().get("TOKEN"));
        if (outcome.status() == PaymentStatus.APPROVED && token == null) {
            outcome = ExpressResultMapper.withStatus(outcome, PaymentStatus.UNKNOWN, "answer without TOKEN");
        }
        boolean ok = outcome.status() == PaymentStatus.APPROVED;
        return new SetCheckoutResult(outcome, ok ? token : null, ok ? redirectUrl(token) : null);
    }

    /**
     * GetExpressCheckoutDetails: who approved, and whether the token was already used [DEV
     * get-express-checkout-details-nvp; §3.3 step 3].
     *
     * @param token the token from SetExpressCheckout (the {@code token} query parameter on the return URL)
     * @return payer id (once approved), payer e-mail, CHECKOUTSTATUS, amount; DECLINED with TOKEN_EXPIRED (10411) or
     *         INVALID_TOKEN (10410) when the token is no longer usable
     */
    public CheckoutDetails getExpressCheckoutDetails(String token) {
        Answer answer = send("GetExpressCheckoutDetails", ExpressRequests.getExpressCheckoutDetails(config, token));
        if (answer.failure() != null) {
            return new CheckoutDetails(answer.failure(), token, null, null, CheckoutStatus.UNKNOWN, null, null);
        }
        Map<String, String> f = answer.fields();
        ExpressOutcome outcome = ExpressResultMapper.outcome(f);
        Money amount = ExpressResultMapper.amount(f.get("PAYMENTREQUEST_0_AMT"), f.get("PAYMENTREQUEST_0_CURRENCYCODE"),
                null);
        return new CheckoutDetails(outcome, f.getOrDefault("TOKEN", token), ExpressResultMapper.blankToNull(f.get("PAYERID")),
                ExpressResultMapper.blankToNull(f.get("EMAIL")), CheckoutStatus.of(f.get("CHECKOUTSTATUS")), amount,
                ExpressResultMapper.blankToNull(f.get("PAYMENTREQUEST_0_TRANSACTIONID")));
    }

    /**
     * DoExpressCheckoutPayment: takes the payment the buyer approved [DEV do-express-checkout-payment-nvp; §3.3
     * step 4].
     *
     * @param token    the checkout token
     * @param payerId  the PayerID from the return URL or from {@link #getExpressCheckoutDetails}
     * @param amount   the amount and currency (the same currency as SetExpressCheckout, else 10444)
     * @param action   the same action as SetExpressCheckout
     * @param invoice  PAYMENTREQUEST_0_INVNUM, may be null
     * @param msgSubId MSGSUBID, 1-38 characters, unique per attempt and reused when resending it (e.g.
     *                 {@code attempt.requestId()})
     * @return APPROVED with the transaction id (Completed, or the authorization id for an Authorization); HELD when
     *         Pending for another reason; DECLINED with REDIRECT_BUYER (10486: send the buyer to
     *         {@link #redirectUrl(String)} with the same token), TOKEN_EXPIRED (10411) etc.; APPROVED/HELD with
     *         {@code duplicate} for 11607; UNKNOWN for 10415 or a lost answer
     */
    public ExpressPayment doExpressCheckoutPayment(String token, String payerId, Money amount, PaymentAction action,
                                                   String invoice, String msgSubId) {
        Answer answer = send("DoExpressCheckoutPayment",
                ExpressRequests.doExpressCheckoutPayment(config, token, payerId, amount, action, invoice, msgSubId));
        if (answer.failure() != null) {
            return new ExpressPayment(answer.failure(), null, null, null, null, null);
        }
        return ExpressResultMapper.payment(answer.fields(), "PAYMENTINFO_0_", amount);
    }

    /**
     * DoCapture: captures (part of) an authorization [DEV do-capture-nvp].
     *
     * @param authorizationId the transaction id of the authorization (DoExpressCheckoutPayment with Authorization)
     * @param amount          amount and currency (CURRENCYCODE; must be the authorization's, else 10613)
     * @param completeType    COMPLETE for the last capture (voids the rest), NOT_COMPLETE otherwise
     * @param msgSubId        MSGSUBID, unique per attempt, reused when resending
     * @return APPROVED with the capture's transaction id; HELD when Pending; DECLINED with the error (10600 voided,
     *         10602 already completed, 10610 too much, ...)
     */
    public ExpressPayment doCapture(String authorizationId, Money amount, CompleteType completeType, String msgSubId) {
        Answer answer = send("DoCapture", ExpressRequests.doCapture(config, authorizationId, amount, completeType,
                msgSubId));
        if (answer.failure() != null) {
            return new ExpressPayment(answer.failure(), null, null, null, null, authorizationId);
        }
        return ExpressResultMapper.payment(answer.fields(), "", amount);
    }

    /**
     * DoVoid: releases an authorization (what is left of it) [DEV do-void-nvp].
     *
     * @param authorizationId the original authorization's id
     * @param msgSubId        MSGSUBID, unique per attempt, reused when resending
     * @return APPROVED when voided; DECLINED with the error otherwise
     */
    public VoidResult doVoid(String authorizationId, String msgSubId) {
        Answer answer = send("DoVoid", ExpressRequests.doVoid(config, authorizationId, msgSubId));
        if (answer.failure() != null) {
            return new VoidResult(answer.failure(), authorizationId);
        }
        ExpressOutcome outcome = ExpressResultMapper.outcome(answer.fields());
        return new VoidResult(outcome, answer.fields().getOrDefault("AUTHORIZATIONID", authorizationId));
    }

    /**
     * RefundTransaction, full: {@code REFUNDTYPE=Full} with {@code CURRENCYCODE} [NVP-2013 "RefundTransaction"].
     *
     * @param transactionId the sale's or capture's transaction id
     * @param currency      the original's currency
     * @param msgSubId      MSGSUBID, unique per attempt, reused when resending
     */
    public RefundResult refundFull(String transactionId, Currency currency, String msgSubId) {
        return refund(transactionId, currency, null, msgSubId);
    }

    /**
     * RefundTransaction, partial: {@code REFUNDTYPE=Partial}, {@code AMT}, {@code CURRENCYCODE}.
     *
     * @param transactionId the sale's or capture's transaction id
     * @param amount        how much to refund, positive, in the original's currency
     * @param msgSubId      MSGSUBID, unique per attempt, reused when resending
     */
    public RefundResult refundPartial(String transactionId, Money amount, String msgSubId) {
        Objects.requireNonNull(amount, "amount");
        return refund(transactionId, amount.currency(), amount, msgSubId);
    }

    private RefundResult refund(String transactionId, Currency currency, Money partial, String msgSubId) {
        Answer answer = send("RefundTransaction", ExpressRequests.refundTransaction(config, transactionId, currency,
                partial, msgSubId));
        if (answer.failure() != null) {
            return new RefundResult(answer.failure(), null, null, null, null);
        }
        Map<String, String> f = answer.fields();
        ExpressOutcome outcome = ExpressResultMapper.outcome(f);
        String refundStatus = f.get("REFUNDSTATUS");
        if (outcome.status() == PaymentStatus.APPROVED && refundStatus != null
                && refundStatus.strip().equalsIgnoreCase("delayed")) {
            outcome = ExpressResultMapper.withStatus(outcome, PaymentStatus.HELD, "refund delayed: " + f.get("PENDINGREASON"));
        }
        String answerCurrency = f.get("CURRENCYCODE");
        return new RefundResult(outcome, ExpressResultMapper.blankToNull(f.get("REFUNDTRANSACTIONID")),
                ExpressResultMapper.amount(f.get("GROSSREFUNDAMT"), answerCurrency, currency),
                ExpressResultMapper.amount(f.get("TOTALREFUNDEDAMOUNT"), answerCurrency, currency), refundStatus);
    }

    /**
     * GetTransactionDetails: the inquiry on one transaction [NVP-2013 "GetTransactionDetails"].
     *
     * @param transactionId    the transaction asked about
     * @param expectedCurrency the currency the transaction should be in; PayPal's request has no currency field, so
     *                         the answer's CURRENCYCODE is checked against it instead (a mismatch → UNKNOWN)
     * @return APPROVED with {@code originalStatus} when found; DECLINED when PayPal does not know the id
     */
    public TransactionDetails getTransactionDetails(String transactionId, Currency expectedCurrency) {
        Objects.requireNonNull(expectedCurrency, "expectedCurrency");
        Answer answer = send("GetTransactionDetails", ExpressRequests.getTransactionDetails(config, transactionId));
        if (answer.failure() != null) {
            return new TransactionDetails(answer.failure(), transactionId, null, null, null, null, null, null, null);
        }
        Map<String, String> f = answer.fields();
        ExpressOutcome outcome = ExpressResultMapper.outcome(f);
        String status = f.get("PAYMENTSTATUS");
        String reason = f.get("PENDINGREASON");
        String currency = f.get("CURRENCYCODE");
        PaymentStatus original = null;
        if (outcome.status() == PaymentStatus.APPROVED) {
            if (currency != null && !currency.strip().equals(expectedCurrency.getCurrencyCode())) {
                outcome = ExpressResultMapper.withStatus(outcome, PaymentStatus.UNKNOWN,
                        "answer currency " + currency.strip() + " differs from " + expectedCurrency);
            } else {
                original = ExpressResultMapper.paymentStatus(status, reason);
            }
        }
        return new TransactionDetails(outcome, f.getOrDefault("TRANSACTIONID", transactionId), status, reason, original,
                ExpressResultMapper.amount(f.get("AMT"), currency, expectedCurrency),
                ExpressResultMapper.blankToNull(f.get("PAYERID")), ExpressResultMapper.blankToNull(f.get("EMAIL")),
                ExpressResultMapper.blankToNull(f.get("INVNUM")));
    }

    /**
     * Tests the connection as the issue describes: a SetExpressCheckout of 1 unit of {@code currency} (Sale, return
     * and cancel URL {@link #CONNECTION_TEST_URL}) with the merchant's SUBJECT. The token it may get is left to
     * expire; no money moves.
     *
     * @return GOOD for a token; NO_PERMISSION for 10002 "You do not have permissions ..."; BAD_CREDENTIALS for 10002
     *         "Security header is not valid" or 10008; UNREACHABLE when nothing (readable) came back; REFUSED for
     *         any other PayPal error
     */
    public ConnectionCheck testConnection(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        Money one = Money.rounded(java.math.BigDecimal.ONE, currency);
        SetCheckoutResult result = setExpressCheckout(new CheckoutSetup(one, CONNECTION_TEST_URL, CONNECTION_TEST_URL,
                null, "Connection test", PaymentAction.SALE));
        ExpressOutcome outcome = result.outcome();
        ConnectionCheck.Verdict verdict;
        if (result.hasToken()) {
            verdict = ConnectionCheck.Verdict.GOOD;
        } else if (outcome.error() == ExpressError.NO_PERMISSION) {
            verdict = ConnectionCheck.Verdict.NO_PERMISSION;
        } else if (outcome.error() == ExpressError.BAD_CREDENTIALS) {
            verdict = ConnectionCheck.Verdict.BAD_CREDENTIALS;
        } else if (outcome.ack() == null) {
            verdict = ConnectionCheck.Verdict.UNREACHABLE;
        } else {
            verdict = ConnectionCheck.Verdict.REFUSED;
        }
        return new ConnectionCheck(verdict, outcome.errorCode(), verdict == ConnectionCheck.Verdict.GOOD ? null
                : outcome.message());
    }

    /** The decoded answer, or the outcome when none could be read. */
    private record Answer(Map<String, String> fields, ExpressOutcome failure) {
    }

    private Answer send(String method, SequencedMap<String, String> fields) {
        String body = UrlEncodedNvp.encode(fields);
        LOG.log(Level.DEBUG, () -> "PayPal " + method + " (SUBJECT " + config.subject() + ") to " + config.endpoint()
                + ": " + ExpressScrubber.scrub(body));
        HttpRequest request = HttpRequest.newBuilder(config.endpoint())
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> pending = null;
        try {
            pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            response = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            return transportFailure(method, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return transportFailure(method, new HttpTimeoutException("no complete answer within "
                    + deadline.toMillis() + " ms"));
        } catch (InterruptedException e) {
            if (pending != null) {
                pending.cancel(true);
            }
            Thread.currentThread().interrupt();
            return transportFailure(method, e);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        LOG.log(Level.DEBUG, () -> "PayPal " + method + " answer HTTP " + response.statusCode() + ": "
                + ExpressScrubber.scrub(text));
        if (response.statusCode() != 200) {
            return logged(method, new Answer(null, ExpressResultMapper.fromHttpStatus(response.statusCode())));
        }
        try {
            Map<String, String> decoded = UrlEncodedNvp.decode(text);
            ExpressOutcome summary = ExpressResultMapper.outcome(decoded);
            LOG.log(Level.DEBUG, () -> "PayPal " + method + " -> " + summary.summary());
            return new Answer(decoded, null);
        } catch (UrlEncodedNvp.MalformedNvpException e) {
            return logged(method, new Answer(null, ExpressResultMapper.fromUnreadableBody(e)));
        }
    }

    private Answer transportFailure(String method, Throwable failure) {
        ExpressOutcome outcome = ExpressResultMapper.fromTransportFailure(failure);
        LOG.log(Level.WARNING, "PayPal " + method + " (SUBJECT " + config.subject() + ") to " + config.endpoint()
                + " -> " + outcome.status() + ": " + outcome.message());
        return new Answer(null, outcome);
    }

    private static Answer logged(String method, Answer answer) {
        LOG.log(Level.WARNING, "PayPal " + method + " -> " + answer.failure().summary());
        return answer;
    }

    @Override
    public String toString() {
        return "ExpressCheckoutConnector[" + config.endpoint() + ", subject=" + config.subject() + ", user="
                + config.credentials().username() + "]";
    }
}
