package org.eventcommerce.payments.payflow;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eventcommerce.payments.PaymentGateway;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.PaymentResult;

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

    private final PayflowConfig config;
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
        Objects.requireNonNull(request, "request");
        String body = NvpEncoder.encode(PayflowRequestBuilder.fields(request, config.credentials()));
        String requestId = request.attempt().requestId();
        LOG.log(Level.DEBUG, () -> "Payflow " + request.kind() + " request " + requestId + " to "
                + config.endpoint() + ": " + NvpScrubber.scrub(body));

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
            return transportFailure(requestId, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return transportFailure(requestId, new HttpTimeoutException(
                    "no complete answer within " + deadline.toMillis() + " ms"));
        } catch (InterruptedException e) {
            if (pending != null) {
                pending.cancel(true);
            }
            Thread.currentThread().interrupt();
            return transportFailure(requestId, e);
        }

        String answer = new String(response.body(), StandardCharsets.UTF_8);
        LOG.log(Level.DEBUG, () -> "Payflow answer " + requestId + " HTTP " + response.statusCode() + ": "
                + NvpScrubber.scrub(answer));
        PaymentResult result;
        if (response.statusCode() != 200) {
            result = PayflowResultMapper.fromHttpStatus(response.statusCode());
        } else {
            try {
                result = PayflowResultMapper.fromAnswer(request, NvpDecoder.decode(answer));
            } catch (NvpFormatException e) {
                result = PayflowResultMapper.fromUnreadableBody(e);
            }
        }
        PaymentResult outcome = result;
        LOG.log(Level.DEBUG, () -> "Payflow " + request.kind() + " request " + requestId + " -> " + outcome.status()
                + " (RESULT " + outcome.resultCode() + ", " + outcome.message() + ")");
        return outcome;
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
