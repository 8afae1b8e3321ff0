package org.eventcommerce.payments.payflow;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
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
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.PaymentGateway;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * PayPal Payflow Pro over the NVP protocol, posted directly over HTTPS as PayPal documents for integrations
 * without the SDK [Gateway guide 2014 appendix "Posting Transactions Directly Without the Payflow SDK"
 * pp.157-159; §1.2].
 *
 * <p>One {@link #execute(PaymentRequest)} is one HTTP {@code POST} to {@link PayflowConfig#endpoint()}:
 * <ul>
 *   <li>body: the fields of {@link PayflowRequestBuilder#fields}, encoded by {@link NvpEncoder} (every value
 *       length-tagged, ASCII, not URL-encoded, §1.3);</li>
 *   <li>headers: {@code Content-Type: text/namevalue} (the SDK's spelling, §1.2),
 *       {@code X-VPS-REQUEST-ID: <attempt.requestId()>} (the same attempt resent carries the same id, so Payflow
 *       replays the first answer with DUPLICATE=1 instead of charging twice), {@code X-VPS-CLIENT-TIMEOUT: <whole
 *       seconds of PayflowConfig.clientTimeout()>}, {@code X-VPS-VIT-Integration-Product: eventcommerce};
 *       {@code Content-Length} and {@code Host} are set by {@link HttpClient};</li>
 *   <li>read time-out: client timeout + 5 s, so that Payflow's own time-out (RESULT 11) normally answers first;
 *       the whole exchange, body included, is bounded by that plus the client's connect time-out.</li>
 * </ul>
 * The answer is decoded by {@link NvpDecoder} and mapped by {@link PayflowResultMapper} (outcome table and sources
 * there). Never throws for an answer or a transport failure (see {@link PaymentGateway}).
 *
 * <p>Logging: each request and answer is logged at {@code DEBUG} (JUL {@code FINE}) on the logger named after
 * this class, only after {@link NvpScrubber} has removed ACCT, CVV2, PWD and SECURETOKEN; transport failures at
 * {@code WARNING}. Card number, security code and password never reach a log, an exception message or a
 * {@link PaymentResult}.
 *
 * <p>Stateless and thread-safe: the only fields are the immutable configuration and the thread-safe
 * {@link HttpClient}.
 */
public final class PayflowConnector implements PaymentGateway {

    /** Connect time-out of the client made by {@link #PayflowConnector(PayflowConfig)}. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Added to the client timeout to give the HTTP read time-out. */
    public static final Duration READ_TIMEOUT_MARGIN = Duration.ofSeconds(5);

    /** Value of the {@code X-VPS-VIT-Integration-Product} header (optional integrator data, §1.2). */
    public static final String INTEGRATION_PRODUCT = "eventcommerce";

    private static final Logger LOG = System.getLogger(PayflowConnector.class.getName());

    /** The made-up PNREF of {@link #testConnection}: 12 characters, as a PNREF, never issued by Payflow. */
    public static final String MADE_UP_PNREF = "V0CONNCHECK0";

    private final PayflowConfig config;
    private final PayflowPages pages;
    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration deadline;

    /**
     * A connector with its own HTTP/1.1 client ({@value #INTEGRATION_PRODUCT} headers, connect time-out
     * {@link #CONNECT_TIMEOUT}, no redirects).
     *
     * @param config endpoint, credentials and client timeout
     * @throws NullPointerException when {@code config} is null
     */
    public PayflowConnector(PayflowConfig config) {
        this(config, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /**
     * A connector using {@code http} (shared, thread-safe; give it a connect time-out, or a hung connect is only
     * bounded by the read time-out and reported as UNKNOWN).
     *
     * @param config endpoint, credentials and client timeout
     * @param http   the client to send with
     * @throws NullPointerException when an argument is null
     */
    public PayflowConnector(PayflowConfig config, HttpClient http) {
        this(config, http, READ_TIMEOUT_MARGIN);
    }

    /** For tests: {@code readTimeoutMargin} replaces the 5 s margin over the client timeout. */
    PayflowConnector(PayflowConfig config, HttpClient http, Duration readTimeoutMargin) {
        this(config, null, http, readTimeoutMargin);
    }

    /**
     * A connector that also runs the redirect flows (Secure Token hosted page, Express Checkout) with its own HTTP/1.1
     * client, as {@link #PayflowConnector(PayflowConfig)}.
     *
     * @param config endpoint, credentials and client timeout
     * @param pages  where buyers are sent (PayPal's pages for the mode, or the emulator's)
     * @throws NullPointerException when an argument is null
     */
    public PayflowConnector(PayflowConfig config, PayflowPages pages) {
        this(config, Objects.requireNonNull(pages, "pages"), HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), READ_TIMEOUT_MARGIN);
    }

    /**
     * A connector that also runs the redirect flows, sending with {@code http} (see
     * {@link #PayflowConnector(PayflowConfig, HttpClient)}).
     *
     * @param config endpoint, credentials and client timeout
     * @param pages  where buyers are sent
     * @param http   the client to send with
     * @throws NullPointerException when an argument is null
     */
    public PayflowConnector(PayflowConfig config, PayflowPages pages, HttpClient http) {
        this(config, Objects.requireNonNull(pages, "pages"), http, READ_TIMEOUT_MARGIN);
    }

    private PayflowConnector(PayflowConfig config, PayflowPages pages, HttpClient http, Duration readTimeoutMargin) {
        this.pages = pages;
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        Objects.requireNonNull(readTimeoutMargin, "readTimeoutMargin");
        if (readTimeoutMargin.isNegative()) {
            throw new IllegalArgumentException("readTimeoutMargin must not be negative");
        }
        this.readTimeout = config.clientTimeout().plus(readTimeoutMargin);
        this.deadline = readTimeout.plus(http.connectTimeout().orElse(Duration.ZERO));
    }

    /**
     * Sends {@code request} to Payflow once and maps the answer.
     *
     * @param request the call; resending the same {@link org.eventcommerce.payments.Attempt} sends the same
     *                {@code X-VPS-REQUEST-ID} and {@code CUSTREF}
     * @return the outcome: APPROVED, DECLINED, HELD, NOT_SENT or UNKNOWN (see {@link PayflowResultMapper}); amounts
     *         in the request's currency
     * @throws IllegalArgumentException for a request Payflow cannot carry ({@link PayflowRequestBuilder#fields})
     * @throws NullPointerException     when {@code request} is null
     */
    @Override
    public PaymentResult execute(PaymentRequest request) {
        return execute(request, false);
    }

    /**
     * Sends a follow-on (CAPTURE, VOID, CREDIT) of, or an INQUIRY on, a payment made by Express Checkout through
     * Payflow: as {@link #execute(PaymentRequest)} with {@code TENDER=P} ({@link PayflowRequestBuilder#fields(
     * PaymentRequest, PayflowCredentials, boolean)}, PFP-EC Appendix A Tables A.13-A.17). Resending the same attempt
     * sends the same {@code X-VPS-REQUEST-ID}.
     *
     * @return the outcome, mapped as for cards
     * @throws IllegalArgumentException for a SALE or AUTHORIZATION, or a request Payflow cannot carry
     */
    public PaymentResult executePayPalTender(PaymentRequest request) {
        return execute(request, true);
    }

    /**
     * A {@link PaymentGateway} view of this connector that sends every request with {@code TENDER=P} (see
     * {@link #executePayPalTender}); stateless and thread-safe like the connector.
     */
    public PaymentGateway payPalTender() {
        return this::executePayPalTender;
    }

    private PaymentResult execute(PaymentRequest request, boolean paypalTender) {
        Objects.requireNonNull(request, "request");
        SequencedMap<String, String> fields = PayflowRequestBuilder.fields(request, config.credentials(), paypalTender);
        String what = request.kind() + (paypalTender ? " (PayPal)" : "");
        Exchange exchange = exchange(what, request.attempt().requestId(), fields);
        PaymentResult result = exchange.failure() != null ? exchange.failure()
                : PayflowResultMapper.fromAnswer(request, exchange.answer());
        logOutcome(what, request.attempt().requestId(), result);
        return result;
    }

    /**
     * Creates a Secure Token for a payment on PayPal's hosted checkout page (§1.7): one POST of
     * {@link PayflowRequestBuilder#secureTokenFields} with the attempt's request id. No card data is sent or
     * received. Send the buyer to {@link SecureTokenSession#hostedPageUrl()}, then check what comes back with
     * {@link SecureTokenSession#verify} / {@link HostedPageReturn#verify}.
     *
     * @param request the token request (SALE or AUTHORIZATION, amount, URLs, SECURETOKENID)
     * @return the session: created (APPROVED, with SECURETOKEN and hosted page URL) or not (the result says why:
     *         DECLINED with Payflow's RESULT, e.g. 7 for a SECURETOKENID already used, or NOT_SENT/UNKNOWN); an
     *         answer whose SECURETOKENID is not the one sent is UNKNOWN and not created
     * @throws IllegalStateException when the connector was built without {@link PayflowPages}
     * @throws NullPointerException  when {@code request} is null
     */
    public SecureTokenSession createSecureToken(SecureTokenRequest request) {
        Objects.requireNonNull(request, "request");
        PayflowPages p = requirePages();
        String what = "secure token " + request.kind();
        Exchange exchange = exchange(what, request.attempt().requestId(),
                PayflowRequestBuilder.secureTokenFields(request, config.credentials()));
        PaymentResult result = exchange.failure() != null ? exchange.failure()
                : PayflowResultMapper.fromAnswer(request.kind(), request.amount(), false, exchange.answer());
        String token = null;
        URI url = null;
        if (exchange.answer() != null && result.status() == PaymentStatus.APPROVED) {
            String echoedId = exchange.answer().get("SECURETOKENID");
            String answeredToken = exchange.answer().get("SECURETOKEN");
            if (answeredToken == null || answeredToken.isEmpty() || !request.secureTokenId().equals(echoedId)) {
                result = new PaymentResult(PaymentStatus.UNKNOWN, result.resultCode(),
                        "secure token answer without SECURETOKEN or with another SECURETOKENID", result.reference(),
                        null, null, result.duplicate(), null, result.fields());
            } else {
                token = answeredToken;
                url = p.hostedPageUrl(token, request.secureTokenId());
            }
        }
        logOutcome(what, request.attempt().requestId(), result);
        return new SecureTokenSession(result, token, request.secureTokenId(), url, request.kind(), request.amount());
    }

    /**
     * Set Express Checkout through Payflow ({@code TENDER=P&ACTION=S}, §1.9).
     *
     * @param setup kind, amount (currency always sent), return and cancel URLs
     * @return the EC token and the URL to send the buyer to ({@link PayflowPages#expressCheckoutUrl}); when
     *         {@link ExpressCheckoutToken#isCreated()} is false the result says why
     * @throws IllegalStateException when the connector was built without {@link PayflowPages}
     */
    public ExpressCheckoutToken setExpressCheckout(ExpressCheckoutSetup setup) {
        Objects.requireNonNull(setup, "setup");
        PayflowPages p = requirePages();
        String what = "express checkout set " + setup.kind();
        Exchange exchange = exchange(what, setup.attempt().requestId(),
                PayflowRequestBuilder.setExpressCheckoutFields(setup, config.credentials()));
        PaymentResult result = exchange.failure() != null ? exchange.failure()
                : PayflowResultMapper.fromAnswer(setup.kind(), setup.amount(), false, exchange.answer());
        String token = exchange.answer() == null ? null : blankToNull(exchange.answer().get("TOKEN"));
        URI url = null;
        if (result.status() == PaymentStatus.APPROVED) {
            if (token == null) {
                result = new PaymentResult(PaymentStatus.UNKNOWN, result.resultCode(), "answer without TOKEN",
                        result.reference(), null, null, result.duplicate(), null, result.fields());
            } else {
                url = p.expressCheckoutUrl(token);
            }
        }
        logOutcome(what, setup.attempt().requestId(), result);
        return new ExpressCheckoutToken(result, token, url);
    }

    /**
     * Get Express Checkout Details through Payflow ({@code ACTION=G}, §1.9), after the buyer came back to RETURNURL.
     *
     * @param attempt  request id and CUSTREF of this call
     * @param kind     SALE or AUTHORIZATION, as in the Set call
     * @param token    the EC token
     * @param currency the payment's currency (sent as CURRENCY)
     * @return the payer (PAYERID set once the buyer approved); never throws for an answer or transport failure
     */
    public ExpressCheckoutDetails getExpressCheckoutDetails(Attempt attempt, TransactionKind kind, String token,
                                                            Currency currency) {
        SequencedMap<String, String> fields = PayflowRequestBuilder.getExpressCheckoutFields(attempt, kind, token,
                currency, config.credentials());
        String what = "express checkout get " + kind;
        Exchange exchange = exchange(what, attempt.requestId(), fields);
        PaymentResult result = exchange.failure() != null ? exchange.failure()
                : PayflowResultMapper.fromAnswer(kind, Money.zero(currency), false, exchange.answer());
        logOutcome(what, attempt.requestId(), result);
        Map<String, String> a = exchange.answer() == null ? Map.of() : exchange.answer();
        String echoed = blankToNull(a.get("TOKEN"));
        return new ExpressCheckoutDetails(result, echoed != null ? echoed : token, blankToNull(a.get("PAYERID")),
                blankToNull(a.get("EMAIL")), blankToNull(a.get("PAYERSTATUS")), blankToNull(a.get("FIRSTNAME")),
                blankToNull(a.get("LASTNAME")));
    }

    /**
     * Do Express Checkout Payment through Payflow ({@code ACTION=D}, §1.9). Resending the same attempt sends the same
     * X-VPS-REQUEST-ID, so Payflow replays the first answer (DUPLICATE=1) instead of paying twice.
     *
     * @param attempt request id and CUSTREF of this call (record them before calling)
     * @param kind    SALE or AUTHORIZATION, as in the Set call
     * @param token   the EC token
     * @param payerId the PAYERID from the return URL or from {@link #getExpressCheckoutDetails}
     * @param amount  the amount and currency to take (the same as in the Set call)
     * @return the payment: result APPROVED, HELD (fraud review 126/127, or a PENDINGREASON other than
     *         {@code none}/{@code completed}, and for an AUTHORIZATION other than {@code authorization}/{@code order}),
     *         DECLINED, NOT_SENT or UNKNOWN; reference = PNREF; PPREF and the pending reason alongside
     */
    public ExpressCheckoutPayment doExpressCheckoutPayment(Attempt attempt, TransactionKind kind, String token,
                                                           String payerId, Money amount) {
        SequencedMap<String, String> fields = PayflowRequestBuilder.doExpressCheckoutFields(attempt, kind, token,
                payerId, amount, config.credentials());
        String what = "express checkout do " + kind;
        Exchange exchange = exchange(what, attempt.requestId(), fields);
        PaymentResult result = exchange.failure() != null ? exchange.failure()
                : PayflowResultMapper.fromAnswer(kind, amount, true, attempt.custRef(), exchange.answer());
        Map<String, String> a = exchange.answer() == null ? Map.of() : exchange.answer();
        String pendingReason = blankToNull(a.get("PENDINGREASON"));
        if (result.status() == PaymentStatus.APPROVED && pendingReason != null
                && !"none".equalsIgnoreCase(pendingReason.strip())
                && !"completed".equalsIgnoreCase(pendingReason.strip())
                && !(kind == TransactionKind.AUTHORIZATION && isAuthorizationReason(pendingReason))) {
            result = new PaymentResult(PaymentStatus.HELD, result.resultCode(),
                    result.message() + " (pending: " + pendingReason.strip() + ")", result.reference(),
                    result.authCode(), result.amount(), result.duplicate(), null, result.fields());
        }
        logOutcome(what, attempt.requestId(), result);
        return new ExpressCheckoutPayment(result, blankToNull(a.get("PPREF")), blankToNull(a.get("PAYMENTTYPE")),
                pendingReason, blankToNull(a.get("CORRELATIONID")));
    }

    /**
     * True for the PENDINGREASON an approved authorization carries: {@code authorization} (or {@code order}), which is
     * what "held, to be captured" looks like, not a pending payment [NVP-2013 "PaymentInfoType Fields"; PFP-EC "Do
     * Express Checkout Payment Response Parameter Descriptions"].
     */
    private static boolean isAuthorizationReason(String pendingReason) {
        String reason = pendingReason.strip();
        return "authorization".equalsIgnoreCase(reason) || "order".equalsIgnoreCase(reason);
    }

    /**
     * Checks the credentials with an Inquiry ({@code TRXTYPE=I}) on the made-up PNREF {@value #MADE_UP_PNREF}
     * [PFP-2009 pp.38-40, Table 6.9]: RESULT 19 → {@link ConnectionCheck.Outcome#CREDENTIALS_OK}, RESULT 1 →
     * {@link ConnectionCheck.Outcome#BAD_CREDENTIALS}, no Payflow answer → {@link ConnectionCheck.Outcome#UNREACHABLE},
     * any other RESULT → {@link ConnectionCheck.Outcome#OTHER} with its RESPMSG. Nothing is charged. A fresh attempt is
     * used for each call.
     *
     * @param currency sent as CURRENCY (every request names its currency)
     * @return the check; never throws for an answer or a transport failure
     */
    public ConnectionCheck testConnection(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        PaymentResult result = execute(PaymentRequest.inquiryByReference(Attempt.newAttempt(), Money.zero(currency),
                MADE_UP_PNREF));
        if (result.resultCode() == null) {
            return new ConnectionCheck(ConnectionCheck.Outcome.UNREACHABLE, result.message(), result);
        }
        return switch (result.resultCode().strip()) {
            case "19" -> new ConnectionCheck(ConnectionCheck.Outcome.CREDENTIALS_OK, "credentials accepted", result);
            case "1" -> new ConnectionCheck(ConnectionCheck.Outcome.BAD_CREDENTIALS,
                    result.message() == null ? "User authentication failed" : result.message(), result);
            default -> new ConnectionCheck(ConnectionCheck.Outcome.OTHER,
                    result.message() == null ? "RESULT " + result.resultCode() : result.message(), result);
        };
    }

    /** One HTTP exchange: the decoded answer, or the result of a failure (transport, status, body). */
    private record Exchange(SequencedMap<String, String> answer, PaymentResult failure) {
    }

    private Exchange exchange(String what, String requestId, SequencedMap<String, String> fields) {
        String body = NvpEncoder.encode(fields);
        LOG.log(Level.DEBUG, () -> "Payflow " + what + " request " + requestId + " to " + config.endpoint() + ": "
                + NvpScrubber.scrub(body));

        HttpRequest httpRequest = HttpRequest.newBuilder(config.endpoint())
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(readTimeout)
                .header("Content-Type", "text/namevalue")
                .header("X-VPS-REQUEST-ID", requestId)
                .header("X-VPS-CLIENT-TIMEOUT", Long.toString(config.clientTimeout().toSeconds()))
                .header("X-VPS-VIT-Integration-Product", INTEGRATION_PRODUCT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII))
                .build();

        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> pending = null;
        try {
            pending = http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            response = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            return new Exchange(null, transportFailure(requestId, e.getCause() == null ? e : e.getCause()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Exchange(null, transportFailure(requestId, new HttpTimeoutException(
                    "no complete answer within " + deadline.toMillis() + " ms")));
        } catch (InterruptedException e) {
            if (pending != null) {
                pending.cancel(true);
            }
            Thread.currentThread().interrupt();
            return new Exchange(null, transportFailure(requestId, e));
        }

        String answer = new String(response.body(), StandardCharsets.UTF_8);
        LOG.log(Level.DEBUG, () -> "Payflow answer " + requestId + " HTTP " + response.statusCode() + ": "
                + NvpScrubber.scrub(answer));
        if (response.statusCode() != 200) {
            return new Exchange(null, PayflowResultMapper.fromHttpStatus(response.statusCode()));
        }
        try {
            return new Exchange(NvpDecoder.decode(answer), null);
        } catch (NvpFormatException e) {
            return new Exchange(null, PayflowResultMapper.fromUnreadableBody(e));
        }
    }

    private void logOutcome(String what, String requestId, PaymentResult outcome) {
        LOG.log(Level.DEBUG, () -> "Payflow " + what + " request " + requestId + " -> " + outcome.status()
                + " (RESULT " + outcome.resultCode() + ", " + outcome.message() + ")");
    }

    private PayflowPages requirePages() {
        if (pages == null) {
            throw new IllegalStateException("this connector was built without PayflowPages (hosted page and Express "
                    + "Checkout URLs)");
        }
        return pages;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private PaymentResult transportFailure(String requestId, Throwable failure) {
        PaymentResult result = PayflowResultMapper.fromTransportFailure(failure);
        LOG.log(Level.WARNING, "Payflow request " + requestId + " to " + config.endpoint() + " -> " + result.status()
                + ": " + result.message());
        return result;
    }

    @Override
    public String toString() {
        return "PayflowConnector[" + config.endpoint() + ", vendor=" + config.credentials().vendor() + "]";
    }
}
