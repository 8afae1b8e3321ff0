package org.eventcommerce.emulator.express;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The classic NVP API operations as PayPal's guides describe them (§3.1-§3.7). {@link #answer(Map)} takes a parsed
 * request and returns the answer's fields in order; every answer carries {@code TIMESTAMP}, {@code CORRELATIONID},
 * {@code ACK}, {@code VERSION} (the request's) and {@code BUILD}, and errors as {@code L_ERRORCODE0},
 * {@code L_SHORTMESSAGE0}, {@code L_LONGMESSAGE0}, {@code L_SEVERITYCODE0} (§3.4).
 *
 * <p>Order of checks for every call: USER/PWD/SIGNATURE against the platform's {@link ApiCredentials} (10002
 * "Security header is not valid"), then SUBJECT against {@link PermittedMerchants} (10002 "You do not have
 * permissions to make this API call"; §3.2), then METHOD (81002).
 *
 * <p>MSGSUBID (DoExpressCheckoutPayment, DoCapture, DoVoid, RefundTransaction; §3.5), per merchant and method:
 * <ul>
 *   <li>the same MSGSUBID with the same request (all fields but PWD, SIGNATURE, VERSION) answers the first answer
 *       again, with its own CORRELATIONID and TIMESTAMP, and processes nothing ("This ID can later be used to request
 *       the latest results for a previous request without generating a new request" [DEV do-void-nvp]);</li>
 *   <li>DoExpressCheckoutPayment with a MSGSUBID already used for a different request is a "new payment" reusing it:
 *       {@code ACK=SuccessWithWarning}, 11607 "Duplicate Request", and the original PAYMENTINFO_0_* fields; nothing is
 *       charged ("A new payment needs a different MSGSUBID or INVOICE_ID, otherwise it is flagged 11607" [DEV
 *       troubleshooting/11607; §3.4, §3.5]);</li>
 *   <li>the other methods answer a reused MSGSUBID with the first answer as well (PayPal documents 11607 for
 *       DoExpressCheckoutPayment only; what it does there is unsure).</li>
 * </ul>
 * A token already used for a payment, asked to pay again without that MSGSUBID, answers 10415.
 *
 * <p>Single-threaded per call: the whole call runs under the {@link ExpressStore} lock.
 */
final class NvpOperations {

    /** Token lifetime: "By default, the token expires after three hours" [DEV set-express-checkout-nvp; §3.3]. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(3);
    /** The BUILD the emulator reports. */
    static final String BUILD = "58807128";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_INSTANT;

    private final ExpressStore store;
    private final ExpressClock clock;
    private final ExpressSettings settings;
    private final ExpressControls controls;

    NvpOperations(ExpressStore store, ExpressClock clock, ExpressSettings settings, ExpressControls controls) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.controls = controls;
    }

    /** The answer to one request, fields in order. */
    Map<String, String> answer(Map<String, String> request) {
        return store.atomically(() -> process(request));
    }

    private Map<String, String> process(Map<String, String> request) {
        String version = request.getOrDefault("VERSION", "");
        if (!settings.credentials().matches(request.get("USER"), request.get("PWD"), request.get("SIGNATURE"))) {
            return failure(version, ApiError.SECURITY_HEADER);
        }
        String subject = request.get("SUBJECT");
        String merchant = subject == null || subject.isBlank() ? settings.credentials().user() : subject.strip();
        Optional<String> country = subject == null || subject.isBlank() ? Optional.of("US")
                : settings.merchants().country(merchant);
        if (country.isEmpty()) {
            return failure(version, ApiError.NO_PERMISSION);
        }
        Call call = new Call(request, version, merchant.toLowerCase(java.util.Locale.ROOT), country.get());
        String method = request.getOrDefault("METHOD", "");
        return switch (method) {
            case "SetExpressCheckout" -> setExpressCheckout(call);
            case "GetExpressCheckoutDetails" -> getExpressCheckoutDetails(call);
            case "DoExpressCheckoutPayment" -> idempotent(call, method, this::doExpressCheckoutPayment);
            case "DoCapture" -> idempotent(call, method, this::doCapture);
            case "DoVoid" -> idempotent(call, method, this::doVoid);
            case "RefundTransaction" -> idempotent(call, method, this::refundTransaction);
            case "GetTransactionDetails" -> getTransactionDetails(call);
            default -> failure(version, ApiError.UNKNOWN_METHOD);
        };
    }

    private record Call(Map<String, String> request, String version, String merchant, String country) {
        String get(String name) {
            String value = request.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private interface Operation {
        Outcome run(Call call);
    }

    /** An answer and, for a payment, the transaction it created. */
    private record Outcome(Map<String, String> answer, String transactionId) {
    }

    // ---- MSGSUBID ---------------------------------------------------------------------------------------------

    private Map<String, String> idempotent(Call call, String method, Operation operation) {
        String msgSubId = call.get("MSGSUBID");
        if (msgSubId == null) {
            return operation.run(call).answer();
        }
        if (msgSubId.length() > 38) {
            return failure(call.version(), ApiError.invalidArgument("MSGSUBID is longer than 38 characters."));
        }
        Map<String, String> fingerprint = fingerprint(call.request());
        Optional<ExpressStore.Remembered> earlier = store.remembered(call.merchant(), method, msgSubId);
        if (earlier.isPresent()) {
            ExpressStore.Remembered first = earlier.get();
            if (first.request().equals(fingerprint) || !method.equals("DoExpressCheckoutPayment")) {
                return refreshed(first.answer());
            }
            return duplicate11607(call, first);
        }
        Outcome outcome = operation.run(call);
        if (acknowledged(outcome.answer())) { // a failure may be retried with the same MSGSUBID
            store.remember(call.merchant(), method, msgSubId,
                    new ExpressStore.Remembered(fingerprint, outcome.answer(), outcome.transactionId()));
        }
        return outcome.answer();
    }

    private Map<String, String> duplicate11607(Call call, ExpressStore.Remembered first) {
        Map<String, String> body = new LinkedHashMap<>();
        first.answer().forEach((name, value) -> {
            if (name.startsWith("PAYMENTINFO_0_") || name.equals("TOKEN")) {
                body.put(name, value);
            }
        });
        body.put("MSGSUBID", call.get("MSGSUBID"));
        return answer(call.version(), "SuccessWithWarning", Map.of(), body, ApiError.DUPLICATE_REQUEST, "Warning");
    }

    private static Map<String, String> fingerprint(Map<String, String> request) {
        Map<String, String> copy = new TreeMap<>(request);
        copy.remove("PWD");
        copy.remove("SIGNATURE");
        copy.remove("VERSION");
        return copy;
    }

    private Map<String, String> refreshed(Map<String, String> first) {
        Map<String, String> again = new LinkedHashMap<>(first);
        again.put("TIMESTAMP", timestamp());
        again.put("CORRELATIONID", ExpressStore.newCorrelationId());
        return again;
    }

    private static boolean acknowledged(Map<String, String> answer) {
        String ack = answer.get("ACK");
        return "Success".equals(ack) || "SuccessWithWarning".equals(ack);
    }

    // ---- SetExpressCheckout -----------------------------------------------------------------------------------

    private Map<String, String> setExpressCheckout(Call call) {
        String currency = currency(call);
        Optional<ApiError> currencyError = checkCurrency(currency, call.country());
        if (currencyError.isPresent()) {
            return failure(call.version(), currencyError.get());
        }
        AmountCheck.Result amounts = AmountCheck.check(call.request(), currency);
        if (amounts.error() != null) {
            return failure(call.version(), amounts.error());
        }
        String returnUrl = call.get("RETURNURL");
        if (returnUrl == null) {
            return failure(call.version(), ApiError.RETURN_URL_MISSING);
        }
        String cancelUrl = call.get("CANCELURL");
        if (cancelUrl == null) {
            return failure(call.version(), ApiError.CANCEL_URL_MISSING);
        }
        Optional<String> action = action(call);
        if (action.isEmpty()) {
            return failure(call.version(), ApiError.invalidArgument("PaymentAction is invalid."));
        }
        Instant now = clock.instant();
        Checkout checkout = new Checkout(store.newToken(), call.merchant(), amounts.total(), currency, action.get(),
                returnUrl, cancelUrl, AmountCheck.field(call.request(), "INVNUM"),
                AmountCheck.field(call.request(), "DESC"), now, now.plus(TOKEN_LIFETIME));
        store.add(checkout);
        Map<String, String> lead = new LinkedHashMap<>();
        lead.put("TOKEN", checkout.token);
        return answer(call.version(), "Success", lead, Map.of(), null, null);
    }

    // ---- GetExpressCheckoutDetails ----------------------------------------------------------------------------

    private Map<String, String> getExpressCheckoutDetails(Call call) {
        String token = call.get("TOKEN");
        if (token == null) {
            return failure(call.version(), ApiError.TOKEN_MISSING);
        }
        Optional<Checkout> found = store.checkout(token).filter(c -> c.merchant.equals(call.merchant()));
        if (found.isEmpty()) {
            return failure(call.version(), ApiError.INVALID_TOKEN);
        }
        Checkout c = found.get();
        if (c.expiredAt(clock.instant())) {
            return failure(call.version(), ApiError.SESSION_EXPIRED);
        }
        Map<String, String> lead = new LinkedHashMap<>();
        lead.put("TOKEN", c.token);
        lead.put("BILLINGAGREEMENTACCEPTEDSTATUS", "0");
        lead.put("CHECKOUTSTATUS", c.checkoutStatus());
        Map<String, String> body = new LinkedHashMap<>();
        if (c.payerId != null) {
            body.put("EMAIL", c.payerEmail);
            body.put("PAYERID", c.payerId);
            body.put("PAYERSTATUS", "verified");
            body.put("FIRSTNAME", Buyer.FIRST_NAME);
            body.put("LASTNAME", Buyer.LAST_NAME);
            body.put("COUNTRYCODE", Buyer.COUNTRY);
        }
        body.put("CURRENCYCODE", c.currency);
        body.put("AMT", ExpressCurrencies.format(c.amount, c.currency));
        putIfPresent(body, "INVNUM", c.invoice);
        body.put("PAYMENTREQUEST_0_CURRENCYCODE", c.currency);
        body.put("PAYMENTREQUEST_0_AMT", ExpressCurrencies.format(c.amount, c.currency));
        putIfPresent(body, "PAYMENTREQUEST_0_INVNUM", c.invoice);
        putIfPresent(body, "PAYMENTREQUEST_0_DESC", c.description);
        if (c.transactionId != null) { // DEV troubleshooting/10415: GECD gives "the Transaction ID"
            body.put("PAYMENTREQUEST_0_TRANSACTIONID", c.transactionId);
        }
        body.put("PAYMENTREQUESTINFO_0_ERRORCODE", "0");
        return answer(call.version(), "Success", Map.of(), concat(lead, body), null, null);
    }

    // ---- DoExpressCheckoutPayment -----------------------------------------------------------------------------

    private Outcome doExpressCheckoutPayment(Call call) {
        String token = call.get("TOKEN");
        if (token == null) {
            return failed(call, ApiError.TOKEN_MISSING);
        }
        Optional<Checkout> found = store.checkout(token);
        if (found.isEmpty()) {
            return failed(call, ApiError.INVALID_TOKEN);
        }
        Checkout c = found.get();
        if (!c.merchant.equals(call.merchant())) {
            return failed(call, ApiError.TOKEN_OTHER_MERCHANT);
        }
        if (c.completed()) {
            return failed(call, ApiError.ALREADY_COMPLETED);
        }
        if (c.expiredAt(clock.instant())) {
            return failed(call, ApiError.SESSION_EXPIRED);
        }
        String payerId = call.get("PAYERID");
        if (payerId == null) {
            return failed(call, ApiError.PAYER_ID_MISSING);
        }
        if (c.payerId == null || (c.cancelled && c.needsApproval)) {
            return failed(call, ApiError.NOT_APPROVED);
        }
        if (!payerId.equals(c.payerId)) {
            return failed(call, ApiError.PAYER_ID_INVALID);
        }
        String currency = currency(call);
        if (!currency.equals(c.currency)) {
            return failed(call, ApiError.CURRENCY_CHANGED);
        }
        AmountCheck.Result amounts = AmountCheck.check(call.request(), currency);
        if (amounts.error() != null) {
            return failed(call, amounts.error());
        }
        Optional<String> action = action(call);
        if (action.isEmpty()) {
            return failed(call, ApiError.invalidArgument("PaymentAction is invalid."));
        }
        if (c.needsApproval || controls.takeFundingFailure()) {
            c.needsApproval = true;
            c.paymentFailed = true;
            return failed(call, ApiError.FUNDING_FAILURE);
        }
        boolean authorization = action.get().equals("Authorization");
        Optional<String> hold = controls.takePendingReason();
        String status = authorization || hold.isPresent() ? "Pending" : "Completed";
        String reason = hold.orElse(authorization ? "authorization" : "None");
        Instant now = clock.instant();
        String invoice = AmountCheck.field(call.request(), "INVNUM") != null
                ? AmountCheck.field(call.request(), "INVNUM") : c.invoice;
        EcTransaction t = new EcTransaction(store.newTransactionId(), authorization ? EcTransaction.Kind.AUTHORIZATION
                : EcTransaction.Kind.SALE, call.merchant(), amounts.total(), currency, null, c.payerId, c.payerEmail,
                invoice, now, status, reason);
        store.add(t);
        c.transactionId = t.id;
        c.paymentFailed = false;

        Map<String, String> body = new LinkedHashMap<>();
        body.put("TOKEN", c.token);
        body.put("SUCCESSPAGEREDIRECTREQUESTED", "false");
        body.put("INSURANCEOPTIONSELECTED", "false");
        body.put("SHIPPINGOPTIONISDEFAULT", "false");
        body.put("PAYMENTINFO_0_TRANSACTIONID", t.id);
        body.put("PAYMENTINFO_0_TRANSACTIONTYPE", "expresscheckout");
        body.put("PAYMENTINFO_0_PAYMENTTYPE", "instant");
        body.put("PAYMENTINFO_0_ORDERTIME", format(now));
        body.put("PAYMENTINFO_0_AMT", ExpressCurrencies.format(t.amount, currency));
        body.put("PAYMENTINFO_0_TAXAMT", ExpressCurrencies.format(BigDecimal.ZERO, currency));
        body.put("PAYMENTINFO_0_CURRENCYCODE", currency);
        body.put("PAYMENTINFO_0_PAYMENTSTATUS", status);
        body.put("PAYMENTINFO_0_PENDINGREASON", reason);
        body.put("PAYMENTINFO_0_REASONCODE", "None");
        body.put("PAYMENTINFO_0_PROTECTIONELIGIBILITY", "Ineligible");
        body.put("PAYMENTINFO_0_SECUREMERCHANTACCOUNTID", merchantAccountId(call.merchant()));
        body.put("PAYMENTINFO_0_ERRORCODE", "0");
        body.put("PAYMENTINFO_0_ACK", "Success");
        putIfPresent(body, "MSGSUBID", call.get("MSGSUBID"));
        return new Outcome(answer(call.version(), "Success", Map.of(), body, null, null), t.id);
    }

    // ---- DoCapture / DoVoid -----------------------------------------------------------------------------------

    private Outcome doCapture(Call call) {
        Optional<EcTransaction> found = store.transaction(call.merchant(), call.get("AUTHORIZATIONID"))
                .filter(t -> t.kind == EcTransaction.Kind.AUTHORIZATION);
        if (found.isEmpty()) {
            return failed(call, ApiError.TRANSACTION_ID_INVALID);
        }
        EcTransaction auth = found.get();
        if ("Voided".equals(auth.paymentStatus)) {
            return failed(call, ApiError.AUTHORIZATION_VOIDED);
        }
        if (auth.authorizationClosed) {
            return failed(call, ApiError.AUTHORIZATION_COMPLETED);
        }
        String currency = call.get("CURRENCYCODE") == null ? "USD" : call.get("CURRENCYCODE");
        if (!currency.equals(auth.currency)) {
            return failed(call, ApiError.CAPTURE_CURRENCY);
        }
        Optional<BigDecimal> amount = ExpressCurrencies.parse(call.get("AMT"), currency);
        if (amount.isEmpty() || amount.get().signum() <= 0) {
            return failed(call, ApiError.invalidArgument("The amount is missing or invalid."));
        }
        String completeType = call.get("COMPLETETYPE");
        if (!"Complete".equals(completeType) && !"NotComplete".equals(completeType)) {
            return failed(call, ApiError.invalidArgument("CompleteType is missing or invalid."));
        }
        if (auth.captured.add(amount.get()).compareTo(auth.amount) > 0) {
            return failed(call, ApiError.AMOUNT_OVER_LIMIT);
        }
        Instant now = clock.instant();
        EcTransaction capture = new EcTransaction(store.newTransactionId(), EcTransaction.Kind.CAPTURE, call.merchant(),
                amount.get(), currency, auth.id, auth.payerId, auth.payerEmail, auth.invoice, now, "Completed", "None");
        store.add(capture);
        auth.captured = auth.captured.add(amount.get());
        if ("Complete".equals(completeType) || auth.captured.compareTo(auth.amount) == 0) {
            auth.authorizationClosed = true;
            auth.paymentStatus = "Completed";
            auth.pendingReason = "None";
        }
        Map<String, String> lead = new LinkedHashMap<>();
        lead.put("AUTHORIZATIONID", auth.id);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("TRANSACTIONID", capture.id);
        body.put("PARENTTRANSACTIONID", auth.id);
        body.put("TRANSACTIONTYPE", "expresscheckout");
        body.put("PAYMENTTYPE", "instant");
        body.put("ORDERTIME", format(now));
        body.put("AMT", ExpressCurrencies.format(capture.amount, currency));
        body.put("TAXAMT", ExpressCurrencies.format(BigDecimal.ZERO, currency));
        body.put("CURRENCYCODE", currency);
        body.put("PAYMENTSTATUS", "Completed");
        body.put("PENDINGREASON", "None");
        body.put("REASONCODE", "None");
        body.put("PROTECTIONELIGIBILITY", "Ineligible");
        putIfPresent(body, "MSGSUBID", call.get("MSGSUBID"));
        return new Outcome(answer(call.version(), "Success", lead, body, null, null), capture.id);
    }

    private Outcome doVoid(Call call) {
        Optional<EcTransaction> found = store.transaction(call.merchant(), call.get("AUTHORIZATIONID"))
                .filter(t -> t.kind == EcTransaction.Kind.AUTHORIZATION);
        if (found.isEmpty()) {
            return failed(call, ApiError.TRANSACTION_ID_INVALID);
        }
        EcTransaction auth = found.get();
        if ("Voided".equals(auth.paymentStatus)) {
            return failed(call, ApiError.AUTHORIZATION_VOIDED);
        }
        if (auth.authorizationClosed) {
            return failed(call, ApiError.AUTHORIZATION_COMPLETED);
        }
        auth.authorizationClosed = true;
        auth.paymentStatus = auth.captured.signum() > 0 ? "Completed" : "Voided";
        auth.pendingReason = "None";
        Map<String, String> lead = new LinkedHashMap<>();
        lead.put("AUTHORIZATIONID", auth.id);
        Map<String, String> body = new LinkedHashMap<>();
        putIfPresent(body, "MSGSUBID", call.get("MSGSUBID"));
        return new Outcome(answer(call.version(), "Success", lead, body, null, null), auth.id);
    }

    // ---- RefundTransaction ------------------------------------------------------------------------------------

    /**
     * RefundTransaction [DEV refund-transaction-nvp]: a completed sale or capture of this merchant, REFUNDTYPE
     * {@code Full} (no AMT) or {@code Partial} (AMT and CURRENCYCODE required); partial refunds add up and never pass
     * the original amount. Refusals are 10009 "Transaction refused" with the reasons PayPal lists for it [DEV errors
     * "TRANSACTION_REFUSED"]: a partial refund above the original or the remaining amount, a currency other than the
     * original's ("The partial refund must be the same currency as the original transaction"), a full refund after a
     * partial one, a transaction already fully refunded, a type that cannot be refunded (an authorization, a pending
     * sale); an unknown id or a malformed field is 10004. The answer carries REFUNDTRANSACTIONID, GROSSREFUNDAMT,
     * NETREFUNDAMT, FEEREFUNDAMT, TOTALREFUNDEDAMOUNT, CURRENCYCODE, REFUNDSTATUS {@code Instant} and MSGSUBID.
     */
    private Outcome refundTransaction(Call call) {
        Optional<EcTransaction> found = store.transaction(call.merchant(), call.get("TRANSACTIONID"));
        if (found.isEmpty()) {
            return failed(call, ApiError.invalidArgument("The transaction id is not valid"));
        }
        EcTransaction original = found.get();
        if (original.kind != EcTransaction.Kind.SALE && original.kind != EcTransaction.Kind.CAPTURE) {
            return failed(call, ApiError.refundRefused("You can not refund this type of transaction"));
        }
        if (!"Completed".equals(original.paymentStatus) && !"Partially_Refunded".equals(original.paymentStatus)) {
            return failed(call, "Refunded".equals(original.paymentStatus)
                    ? ApiError.refundRefused("This transaction has already been fully refunded")
                    : ApiError.refundRefused("You can not refund this type of transaction"));
        }
        String type = call.get("REFUNDTYPE") == null ? "Full" : call.get("REFUNDTYPE");
        String currency = call.get("CURRENCYCODE");
        if (currency != null && !currency.equals(original.currency)) {
            return failed(call, ApiError.refundRefused("The partial refund must be the same currency as the original"
                    + " transaction"));
        }
        BigDecimal remaining = original.amount.subtract(original.refunded);
        BigDecimal amount;
        switch (type) {
            case "Full" -> {
                if (call.get("AMT") != null) {
                    return failed(call, ApiError.invalidArgument("You can not specify an amount for a full refund"));
                }
                if (original.refunded.signum() > 0) {
                    return failed(call, ApiError.refundRefused("Cannot do a full refund after a partial refund"));
                }
                amount = remaining;
            }
            case "Partial" -> {
                if (currency == null) {
                    return failed(call, ApiError.invalidArgument("The currency code is required for a partial refund"));
                }
                Optional<BigDecimal> parsed = ExpressCurrencies.parse(call.get("AMT"), currency);
                if (parsed.isEmpty() || parsed.get().signum() <= 0) {
                    return failed(call, ApiError.invalidArgument("The partial refund amount is not valid"));
                }
                if (parsed.get().compareTo(original.amount) > 0) {
                    return failed(call, ApiError.refundRefused(
                            "The partial refund amount must be less than or equal to the original transaction amount"));
                }
                if (parsed.get().compareTo(remaining) > 0) {
                    return failed(call, ApiError.refundRefused(
                            "The partial refund amount must be less than or equal to the remaining amount"));
                }
                amount = parsed.get();
            }
            default -> {
                return failed(call, ApiError.invalidArgument("The refund type is not valid"));
            }
        }
        Instant now = clock.instant();
        EcTransaction refund = new EcTransaction(store.newTransactionId(), EcTransaction.Kind.REFUND, call.merchant(),
                amount, original.currency, original.id, original.payerId, original.payerEmail, original.invoice, now,
                "Completed", "None");
        refund.refundType = type;
        store.add(refund);
        original.refunded = original.refunded.add(amount);
        original.paymentStatus = original.refunded.compareTo(original.amount) == 0 ? "Refunded" : "Partially_Refunded";
        Map<String, String> lead = new LinkedHashMap<>();
        lead.put("REFUNDTRANSACTIONID", refund.id);
        lead.put("FEEREFUNDAMT", ExpressCurrencies.format(BigDecimal.ZERO, original.currency));
        lead.put("GROSSREFUNDAMT", ExpressCurrencies.format(amount, original.currency));
        lead.put("NETREFUNDAMT", ExpressCurrencies.format(amount, original.currency));
        lead.put("CURRENCYCODE", original.currency);
        lead.put("TOTALREFUNDEDAMOUNT", ExpressCurrencies.format(original.refunded, original.currency));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("REFUNDSTATUS", "Instant");
        body.put("PENDINGREASON", "None");
        putIfPresent(body, "MSGSUBID", call.get("MSGSUBID"));
        return new Outcome(answer(call.version(), "Success", lead, body, null, null), refund.id);
    }

    // ---- GetTransactionDetails --------------------------------------------------------------------------------

    private Map<String, String> getTransactionDetails(Call call) {
        Optional<EcTransaction> found = store.transaction(call.merchant(), call.get("TRANSACTIONID"));
        if (found.isEmpty()) {
            return failure(call.version(), ApiError.invalidArgument("The transaction id is not valid"));
        }
        EcTransaction t = found.get();
        Map<String, String> lead = new LinkedHashMap<>();
        lead.put("RECEIVEREMAIL", t.merchant);
        lead.put("EMAIL", t.payerEmail);
        lead.put("PAYERID", t.payerId);
        lead.put("PAYERSTATUS", "verified");
        lead.put("COUNTRYCODE", Buyer.COUNTRY);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("FIRSTNAME", Buyer.FIRST_NAME);
        body.put("LASTNAME", Buyer.LAST_NAME);
        body.put("TRANSACTIONID", t.id);
        putIfPresent(body, "PARENTTRANSACTIONID", t.parentId);
        body.put("TRANSACTIONTYPE", t.kind == EcTransaction.Kind.REFUND ? "refund" : "expresscheckout");
        body.put("PAYMENTTYPE", "instant");
        body.put("ORDERTIME", format(t.time));
        body.put("AMT", ExpressCurrencies.format(t.kind == EcTransaction.Kind.REFUND ? t.amount.negate() : t.amount,
                t.currency));
        body.put("TAXAMT", ExpressCurrencies.format(BigDecimal.ZERO, t.currency));
        body.put("CURRENCYCODE", t.currency);
        body.put("PAYMENTSTATUS", t.paymentStatus);
        body.put("PENDINGREASON", t.pendingReason);
        body.put("REASONCODE", t.kind == EcTransaction.Kind.REFUND ? "refund" : "None");
        putIfPresent(body, "INVNUM", t.invoice);
        return answer(call.version(), "Success", lead, body, null, null);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String currency(Call call) {
        String code = AmountCheck.field(call.request(), "CURRENCYCODE");
        return code == null || code.isBlank() ? "USD" : code.strip(); // PayPal's default (§3.3)
    }

    private static Optional<ApiError> checkCurrency(String currency, String country) {
        return ExpressCurrencies.allowedFor(currency, country) ? Optional.empty()
                : Optional.of(ApiError.CURRENCY_NOT_SUPPORTED);
    }

    private static Optional<String> action(Call call) {
        String action = AmountCheck.field(call.request(), "PAYMENTACTION");
        if (action == null || action.isBlank()) {
            return Optional.of("Sale"); // the default (§3.3)
        }
        return switch (action.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "sale" -> Optional.of("Sale");
            case "authorization" -> Optional.of("Authorization");
            default -> Optional.empty();
        };
    }

    private static String merchantAccountId(String merchant) {
        return ("M" + Integer.toUnsignedString(merchant.hashCode(), 36).toUpperCase(java.util.Locale.ROOT)
                + "XXXXXXXXXXXX").substring(0, 13);
    }

    private Outcome failed(Call call, ApiError error) {
        return new Outcome(failure(call.version(), error), null);
    }

    private Map<String, String> failure(String version, ApiError error) {
        return answer(version, "Failure", Map.of(), Map.of(), error, "Error");
    }

    private Map<String, String> answer(String version, String ack, Map<String, String> lead, Map<String, String> body,
                                       ApiError error, String severity) {
        Map<String, String> out = new LinkedHashMap<>(lead);
        out.put("TIMESTAMP", timestamp());
        out.put("CORRELATIONID", ExpressStore.newCorrelationId());
        out.put("ACK", ack);
        out.put("VERSION", version);
        out.put("BUILD", BUILD);
        if (error != null) {
            out.put("L_ERRORCODE0", error.code());
            out.put("L_SHORTMESSAGE0", error.shortMessage());
            out.put("L_LONGMESSAGE0", error.longMessage());
            out.put("L_SEVERITYCODE0", severity);
        }
        out.putAll(body);
        return out;
    }

    private String timestamp() {
        return format(clock.instant());
    }

    private static String format(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Map<String, String> concat(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new LinkedHashMap<>(a);
        out.putAll(b);
        return out;
    }

    private static void putIfPresent(Map<String, String> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.put(name, value);
        }
    }
}
