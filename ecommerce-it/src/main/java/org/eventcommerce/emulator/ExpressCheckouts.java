package org.eventcommerce.emulator;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Express Checkout through Payflow, {@code TENDER=P} with {@code ACTION=S|G|D} (paypal-protocols.md §1.9; PFP-EC
 * ch.1 pp.9-17). TRXTYPE S or A.
 * <ul>
 *   <li>every action: CURRENCY other than USD → 6 "Invalid or unsupported currency code" (the product allows USD
 *       only; a missing CURRENCY counts as USD, PayPal's default); ACTION other than S, G, D → 7;</li>
 *   <li>{@code ACTION=S}: AMT in {@code #####.##} and not zero (else 4), RETURNURL and CANCELURL (else 7); answers
 *       {@code RESULT=0&RESPMSG=Approved&TOKEN=EC-…&CORRELATIONID=…}. The token (20 characters) lives 3 hours
 *       (§3.3) and is approved or cancelled by the buyer on {@link ExpressCheckoutPage};</li>
 *   <li>{@code ACTION=G}: TOKEN unknown, another merchant's or expired → 7 "Field format error: Invalid Token"
 *       (ActiveMerchant fixture, §1.9); otherwise RESULT 0 with TOKEN, CORRELATIONID and, once the buyer approved,
 *       PAYERID, EMAIL, PAYERSTATUS, FIRSTNAME, LASTNAME, SHIPTO* and COUNTRYCODE;</li>
 *   <li>{@code ACTION=D}: TOKEN as for G (else 7); PAYERID absent or not the approving buyer's → 7 "Field format
 *       error: PAYERID"; not approved yet → 1000 "Generic processor error: 10485-Payment has not been authorized by
 *       the user"; already paid → 1000 "… 10415-…"; AMT as for S, CURRENCY must equal the Set call's (else 1000 "…
 *       10444-…"). Payflow relays these PayPal errors (§3.4) with a RESULT the guides in §1 do not name: 1000 is an
 *       emulator choice. Then the payment is recorded as a transaction (TENDER=P, referenceable for capture, void,
 *       credit and inquiry) with a forced RESULT if one is set, else 0; the answer carries PNREF, PPREF (17
 *       characters), CORRELATIONID, PAYMENTTYPE and PENDINGREASON ({@code instant}/{@code none}; for an
 *       authorization, TRXTYPE=A, {@code instant}/{@code authorization}, as PayPal reports an authorization's payment
 *       [NVP-2013 "PaymentInfoType Fields": PendingReason "authorization"]; or {@code echeck}/{@code echeck} after
 *       {@link EmulatorControl#pendingNext(int)}), and AMT etc. with VERBOSITY=HIGH.</li>
 * </ul>
 */
final class ExpressCheckouts {

    /** EC token lifetime (§3.3 "expires after three hours"). */
    static final Duration LIFETIME = Duration.ofHours(3);

    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    /** One checkout; mutable state guarded by the instance lock. */
    static final class Session {
        final String token;
        final String vendor;
        final String trxType;
        final BigDecimal amount;
        final String currency;
        final String returnUrl;
        final String cancelUrl;
        final Instant created;
        String payerId;
        boolean cancelled;
        boolean paid;

        Session(String token, String vendor, String trxType, BigDecimal amount, String currency, String returnUrl,
                String cancelUrl, Instant created) {
            this.token = token;
            this.vendor = vendor;
            this.trxType = trxType;
            this.amount = amount;
            this.currency = currency;
            this.returnUrl = returnUrl;
            this.cancelUrl = cancelUrl;
            this.created = created;
        }
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final TransactionRecorder recorder;
    private final EmulatorControl control;
    private final VerbosityFields verbosity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ExpressCheckouts(TransactionRecorder recorder, EmulatorControl control, VerbosityFields verbosity, Clock clock) {
        this.recorder = recorder;
        this.control = control;
        this.verbosity = verbosity;
        this.clock = clock;
    }

    NvpResponse process(PayflowCall call) {
        NvpRequest request = call.request();
        String currency = request.nonEmpty("CURRENCY");
        if (currency != null && !SupportedCurrencies.EXPRESS_CHECKOUT.contains(currency)) {
            return NvpResponse.resultWithMessage(PayflowResult.INVALID_CURRENCY).build();
        }
        String usd = currency == null ? "USD" : currency;
        return switch (request.value("ACTION")) {
            case "S" -> set(call, usd);
            case "G" -> get(call);
            case "D" -> doPayment(call, usd);
            default -> NvpResponse.error(PayflowResult.FIELD_FORMAT_ERROR, "Field format error: ACTION");
        };
    }

    private NvpResponse set(PayflowCall call, String currency) {
        NvpRequest request = call.request();
        Optional<BigDecimal> amount = AmountFormat.parse(request.nonEmpty("AMT"), 2);
        if (amount.isEmpty() || amount.get().signum() == 0) {
            return NvpResponse.resultWithMessage(PayflowResult.INVALID_AMOUNT).build();
        }
        String returnUrl = request.nonEmpty("RETURNURL");
        String cancelUrl = request.nonEmpty("CANCELURL");
        if (returnUrl == null || cancelUrl == null) {
            return NvpResponse.error(PayflowResult.FIELD_FORMAT_ERROR,
                    "Field format error: RETURNURL and CANCELURL are required");
        }
        String token;
        do {
            token = "EC-" + random(17);
        } while (sessions.containsKey(token));
        sessions.put(token, new Session(token, call.vendor(), call.trxType(), amount.get(), currency, returnUrl,
                cancelUrl, clock.instant()));
        return NvpResponse.resultWithMessage(PayflowResult.APPROVED)
                .add("TOKEN", token)
                .add("CORRELATIONID", correlationId())
                .build();
    }

    private NvpResponse get(PayflowCall call) {
        Session s = session(call).orElse(null);
        if (s == null) {
            return invalidToken();
        }
        NvpResponse.Builder response = NvpResponse.resultWithMessage(PayflowResult.APPROVED)
                .add("TOKEN", s.token)
                .add("CORRELATIONID", correlationId());
        synchronized (this) {
            if (s.payerId != null) {
                response.add("PAYERID", s.payerId)
                        .add("EMAIL", "buyer@example.com")
                        .add("PAYERSTATUS", "verified")
                        .add("FIRSTNAME", "Test")
                        .add("LASTNAME", "Buyer")
                        .add("SHIPTOSTREET", "1 Main St")
                        .add("SHIPTOCITY", "San Jose")
                        .add("SHIPTOSTATE", "CA")
                        .add("SHIPTOZIP", "95131")
                        .add("SHIPTOCOUNTRY", "US")
                        .add("COUNTRYCODE", "US");
            }
        }
        return response.build();
    }

    private NvpResponse doPayment(PayflowCall call, String currency) {
        NvpRequest request = call.request();
        Session s = session(call).orElse(null);
        if (s == null) {
            return invalidToken();
        }
        Optional<BigDecimal> amount = AmountFormat.parse(request.nonEmpty("AMT"), 2);
        if (amount.isEmpty() || amount.get().signum() == 0) {
            return NvpResponse.resultWithMessage(PayflowResult.INVALID_AMOUNT).build();
        }
        synchronized (this) {
            if (s.paid) {
                return NvpResponse.error(PayflowResult.GENERIC_HOST_ERROR, "Generic processor error: 10415-A successful "
                        + "transaction has already been completed for this token");
            }
            if (s.payerId == null) {
                return NvpResponse.error(PayflowResult.GENERIC_HOST_ERROR,
                        "Generic processor error: 10485-Payment has not been authorized by the user");
            }
            if (!s.payerId.equals(request.nonEmpty("PAYERID"))) {
                return NvpResponse.error(PayflowResult.FIELD_FORMAT_ERROR, "Field format error: PAYERID");
            }
            if (!s.currency.equals(currency)) {
                return NvpResponse.error(PayflowResult.GENERIC_HOST_ERROR, "Generic processor error: 10444-The "
                        + "transaction currency specified must be the same as previously specified");
            }
            OptionalInt forced = control.takeForcedResult();
            int result = forced.orElse(PayflowResult.APPROVED);
            boolean pending = PayflowResult.leavesAuthorization(result) && control.takePending();
            Transaction t = recorder.record(call, new TransactionRecorder.Draft(call.trxType(), amount.get(), currency,
                    null, null, null, result, PayflowResult.message(result), null));
            NvpResponse.Builder response = NvpResponse.result(result).add("PNREF", t.pnref).add("RESPMSG", t.respmsg);
            if (PayflowResult.leavesAuthorization(result)) {
                s.paid = true;
                response.add("TOKEN", s.token)
                        .add("PPREF", random(17))
                        .add("CORRELATIONID", correlationId())
                        .add("PAYMENTTYPE", pending ? "echeck" : "instant")
                        .add("PENDINGREASON", pending ? "echeck" : "A".equals(call.trxType()) ? "authorization" : "none");
            }
            if (VerbosityFields.isHigh(t.verbosity)) {
                verbosity.addTo(response, t);
            }
            return response.build();
        }
    }

    /** The live session for the request's TOKEN and merchant. */
    private Optional<Session> session(PayflowCall call) {
        Session s = sessions.get(call.request().value("TOKEN"));
        if (s == null || !s.vendor.equals(call.vendor()) || isExpired(s)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The session of {@code token} for the buyer's page, if it exists and has not expired. */
    Optional<Session> forBuyer(String token) {
        Session s = token == null ? null : sessions.get(token);
        return s == null || isExpired(s) ? Optional.empty() : Optional.of(s);
    }

    /** The buyer approves: a PAYERID (13 characters) is assigned; false when already paid or cancelled. */
    synchronized boolean approve(Session s) {
        if (s.paid || s.cancelled) {
            return false;
        }
        if (s.payerId == null) {
            s.payerId = random(13);
        }
        return true;
    }

    /** The buyer cancels; false when already paid. */
    synchronized boolean cancel(Session s) {
        if (s.paid) {
            return false;
        }
        s.cancelled = true;
        return true;
    }

    /** Forgets every checkout. */
    void clear() {
        sessions.clear();
    }

    private boolean isExpired(Session s) {
        return clock.instant().isAfter(s.created.plus(LIFETIME));
    }

    private static NvpResponse invalidToken() {
        return NvpResponse.error(PayflowResult.FIELD_FORMAT_ERROR, "Field format error: Invalid Token");
    }

    private String correlationId() {
        return random(13).toLowerCase(java.util.Locale.ROOT);
    }

    private String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return out.toString();
    }
}
