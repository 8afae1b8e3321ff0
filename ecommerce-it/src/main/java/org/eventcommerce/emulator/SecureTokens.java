package org.eventcommerce.emulator;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Secure Tokens for the hosted checkout page (paypal-protocols.md §1.7; DEV secure-token page; Gateway guide 2012
 * p.29).
 *
 * <p>Creation: a Sale or Authorization with {@code CREATESECURETOKEN=Y} and no card data. Checks, in order:
 * TRXTYPE S or A (else 7, "only Sale and Authorization may create a token"); SECURETOKENID present, at most 36
 * characters (else 7); CURRENCY supported and allowed for the account's product (else 6); AMT in the currency's
 * format, a sale not zero (else 4); the SECURETOKENID not used before by this merchant (else 7 "Field format error:
 * Secure Token ID already been used": the RESULT is the guide's "field format error"; the exact wording is not in
 * §1, an emulator choice). Answer: {@code RESULT=0&RESPMSG=Approved&SECURETOKEN[24]=…&SECURETOKENID=…}; the token is
 * 24 base64 characters ending in {@code ==}, so the writer length-tags it as PayPal does (§1.5). No transaction is
 * recorded for the creation itself.
 *
 * <p>Use: a token is valid {@link #DEFAULT_LIFETIME} (the DEV page's "valid for 30 minutes"; the 2013 guide says 20,
 * §1.7 unsure) and good for one successful transaction or {@value #MAX_TRIES} tries; then 160 (used), 162 (expired),
 * 161 while a submission is being processed. Only the fields needed to run the transaction later are kept: never a
 * card number (none is sent) and not the password.
 */
final class SecureTokens {

    /** Lifetime of a token. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);
    /** Tries before a token counts as used (2013 Gateway guide "Secure Token Errors", §1.7). */
    static final int MAX_TRIES = 3;

    private static final Pattern TOKEN_ID = Pattern.compile("[\\x21-\\x7e]{1,36}");

    /** One token and the transaction it was created for. Mutable state guarded by the instance lock. */
    static final class Token {
        final String secureToken;
        final String secureTokenId;
        final MerchantAccount account;
        final Map<String, String> fields;
        final String trxType;
        final BigDecimal amount;
        final String currency;
        final Instant created;
        int tries;
        boolean used;
        boolean inProgress;

        Token(String secureToken, String secureTokenId, MerchantAccount account, Map<String, String> fields,
              String trxType, BigDecimal amount, String currency, Instant created) {
            this.secureToken = secureToken;
            this.secureTokenId = secureTokenId;
            this.account = account;
            this.fields = fields;
            this.trxType = trxType;
            this.amount = amount;
            this.currency = currency;
            this.created = created;
        }

        String field(String name) {
            return fields.get(name);
        }
    }

    private record IdKey(String vendor, String secureTokenId) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Token> byToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IdKey, Token> byId = new ConcurrentHashMap<>();
    private volatile Duration lifetime = DEFAULT_LIFETIME;

    SecureTokens(Clock clock) {
        this.clock = clock;
    }

    /** Changes the lifetime of tokens (tests of expiry). */
    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Answers a {@code CREATESECURETOKEN=Y} request (rules in the class comment). */
    NvpResponse create(PayflowCall call) {
        NvpRequest request = call.request();
        String trxType = call.trxType();
        if (!"S".equals(trxType) && !"A".equals(trxType)) {
            return NvpResponse.error(PayflowResult.FIELD_FORMAT_ERROR,
                    "Field format error: a secure token is created by a Sale or an Authorization only");
        }
        String id = request.nonEmpty("SECURETOKENID");
        if (id == null || !TOKEN_ID.matcher(id).matches()) {
            return NvpResponse.error(PayflowResult.FIELD_FORMAT_ERROR,
                    "Field format error: SECURETOKENID missing or longer than 36 characters");
        }
        String currency = request.nonEmpty("CURRENCY");
        Optional<Integer> decimals = SupportedCurrencies.decimals(currency);
        if (decimals.isEmpty() || !SupportedCurrencies.isAllowedFor(call.account(), currency)) {
            return NvpResponse.resultWithMessage(PayflowResult.INVALID_CURRENCY).build();
        }
        Optional<BigDecimal> amount = AmountFormat.parse(request.nonEmpty("AMT"), decimals.get());
        if (amount.isEmpty() || ("S".equals(trxType) && amount.get().signum() == 0)) {
            return NvpResponse.resultWithMessage(PayflowResult.INVALID_AMOUNT).build();
        }
        Map<String, String> kept = new LinkedHashMap<>(request.asMap());
        kept.remove("PWD");
        kept.remove("CREATESECURETOKEN");
        Token token = new Token(newToken(), id, call.account(), Map.copyOf(kept), trxType, amount.get(), currency,
                clock.instant());
        if (byId.putIfAbsent(new IdKey(call.vendor(), id), token) != null) {
            return NvpResponse.error(PayflowResult.FIELD_FORMAT_ERROR,
                    "Field format error: Secure Token ID already been used");
        }
        byToken.put(token.secureToken, token);
        return NvpResponse.resultWithMessage(PayflowResult.APPROVED)
                .add("SECURETOKEN", token.secureToken)
                .add("SECURETOKENID", id)
                .build();
    }

    /** The token with this value and id, whatever its state. */
    Optional<Token> find(String secureToken, String secureTokenId) {
        if (secureToken == null || secureTokenId == null) {
            return Optional.empty();
        }
        Token token = byToken.get(secureToken);
        return token != null && token.secureTokenId.equals(secureTokenId) ? Optional.of(token) : Optional.empty();
    }

    /** 0 when the token may be used now, else 160, 161 or 162. */
    synchronized int usability(Token token) {
        if (token.used) {
            return PayflowResult.SECURE_TOKEN_USED;
        }
        if (token.inProgress) {
            return PayflowResult.SECURE_TOKEN_IN_PROGRESS;
        }
        if (clock.instant().isAfter(token.created.plus(lifetime))) {
            return PayflowResult.SECURE_TOKEN_EXPIRED;
        }
        return PayflowResult.APPROVED;
    }

    /** Marks a submission as started; returns 0, or the code that forbids it (see {@link #usability}). */
    synchronized int begin(Token token) {
        int code = usability(token);
        if (code == PayflowResult.APPROVED) {
            token.inProgress = true;
        }
        return code;
    }

    /** Ends a submission: an approval (0 or 126) or the last allowed try uses the token up. */
    synchronized void finish(Token token, int result) {
        token.inProgress = false;
        token.tries++;
        if (PayflowResult.leavesAuthorization(result) || token.tries >= MAX_TRIES) {
            token.used = true;
        }
    }

    /** Marks a token used without a transaction (the buyer cancelled). */
    synchronized void cancel(Token token) {
        token.used = true;
    }

    /** Forgets every token. */
    void clear() {
        byToken.clear();
        byId.clear();
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        String token;
        do {
            random.nextBytes(bytes);
            token = Base64.getEncoder().encodeToString(bytes); // 24 characters, "==" at the end
        } while (byToken.containsKey(token));
        return token;
    }
}
