package org.eventcommerce.payments.payflow;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * A request for a Payflow Secure Token, the server-side half of a payment on PayPal's hosted checkout page: a
 * normal Sale or Authorization sent <em>without</em> card data plus {@code CREATESECURETOKEN=Y} and
 * {@code SECURETOKENID} [DEV secure-token page; Gateway guide 2012 p.29; SDK DOSecureTokenAuth.java; §1.7]. The
 * card is typed by the buyer on PayPal's page and never reaches our server.
 *
 * @param kind          {@link TransactionKind#SALE} or {@link TransactionKind#AUTHORIZATION} ("only Sale and
 *                      Authorization may create a token", §1.7)
 * @param attempt       request id and CUSTREF of this attempt; the CUSTREF goes with the token, so an inquiry by
 *                      CUSTREF later finds the transaction the buyer made on the hosted page
 * @param amount        amount and currency, fixed by the token ("the data sent with the token cannot be changed")
 * @param secureTokenId our id for the token: 1–36 characters of {@code [A-Za-z0-9-]}, unique per attempt (a UUID,
 *                      see {@link #newSecureTokenId()})
 * @param returnUrl     where PayPal sends the buyer after an approval (RETURNURL), not null
 * @param cancelUrl     where PayPal sends a buyer who cancels (CANCELURL), not null
 * @param errorUrl      where PayPal sends the buyer after a decline or error (ERRORURL), not null
 * @param silentPostUrl where PayPal posts the result server to server (SILENTPOSTURL), may be null
 * @param template      the hosted page layout (TEMPLATE, e.g. {@code MINLAYOUT}), may be null for the account's default
 * @param comment       COMMENT1, may be null
 * @param invoiceNumber INVNUM, may be null
 */
public record SecureTokenRequest(TransactionKind kind, Attempt attempt, Money amount, String secureTokenId,
                                 URI returnUrl, URI cancelUrl, URI errorUrl, URI silentPostUrl, String template,
                                 String comment, String invoiceNumber) {

    /** SECURETOKENID: "unique, up to 36 chars" (§1.7); we allow letters, digits and '-'. */
    public static final int MAX_SECURE_TOKEN_ID_LENGTH = 36;

    private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    /**
     * @throws IllegalArgumentException when the kind is not SALE/AUTHORIZATION, the amount is negative, a sale amount
     *                                  is zero, or the token id is not 1–36 characters of {@code [A-Za-z0-9-]}
     * @throws NullPointerException     when a required part is null
     */
    public SecureTokenRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(secureTokenId, "secureTokenId");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        Objects.requireNonNull(errorUrl, "errorUrl");
        if (kind != TransactionKind.SALE && kind != TransactionKind.AUTHORIZATION) {
            throw new IllegalArgumentException("a secure token is created by a SALE or an AUTHORIZATION only, not " + kind);
        }
        if (amount.amount().signum() < 0 || (kind == TransactionKind.SALE && amount.isZero())) {
            throw new IllegalArgumentException(kind + ": amount must be positive");
        }
        if (!TOKEN_ID.matcher(secureTokenId).matches()) {
            throw new IllegalArgumentException("SECURETOKENID must be 1-36 characters of [A-Za-z0-9-]");
        }
    }

    /**
     * A sale on the hosted page with a fresh {@link #newSecureTokenId()}, no template, comment or invoice number.
     */
    public static SecureTokenRequest sale(Attempt attempt, Money amount, URI returnUrl, URI cancelUrl, URI errorUrl,
                                          URI silentPostUrl) {
        return new SecureTokenRequest(TransactionKind.SALE, attempt, amount, newSecureTokenId(), returnUrl, cancelUrl,
                errorUrl, silentPostUrl, null, null, null);
    }

    /**
     * An authorization on the hosted page with a fresh {@link #newSecureTokenId()}, no template, comment or invoice
     * number.
     */
    public static SecureTokenRequest authorization(Attempt attempt, Money amount, URI returnUrl, URI cancelUrl,
                                                   URI errorUrl, URI silentPostUrl) {
        return new SecureTokenRequest(TransactionKind.AUTHORIZATION, attempt, amount, newSecureTokenId(), returnUrl,
                cancelUrl, errorUrl, silentPostUrl, null, null, null);
    }

    /**
     * A new random SECURETOKENID: a type-4 UUID in upper case, 36 characters (the shape seen in PayPal's silent
     * posts, e.g. {@code DB034C3E-1914-11E5-9F6E-A581E074F348}).
     */
    public static String newSecureTokenId() {
        return UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
    }
}
